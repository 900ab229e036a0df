import { describe, expect, it } from '@jest/globals';

import { buildServerProperties, toImageVariable } from './broker-settings.js';
import { parseJavaMajor } from './java-runtime.js';

describe('toImageVariable', () => {
  it.each([
    ['node.id', 'KAFKA_NODE_ID'],
    ['offsets.topic.replication.factor', 'KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR'],
    ['abc_def', 'KAFKA_ABC__DEF'],
    ['abc-def', 'KAFKA_ABC___DEF'],
  ])('names %s as %s for the apache/kafka image', (property, variable) => {
    expect(toImageVariable(property)).toBe(variable);
  });
});

describe('buildServerProperties', () => {
  const properties = buildServerProperties({
    brokerPort: 40001,
    controllerPort: 40002,
    dataDir: '/tmp/k/data',
    partitions: 5,
  });

  it('runs one combined KRaft node whose controller is itself', () => {
    expect(properties).toContain('process.roles=broker,controller\n');
    expect(properties).toContain('controller.quorum.voters=1@127.0.0.1:40002\n');
  });

  it('advertises the loopback client port', () => {
    expect(properties).toContain('advertised.listeners=PLAINTEXT://127.0.0.1:40001\n');
  });

  it('keeps one copy of internal topics and the requested partition count', () => {
    expect(properties).toContain('offsets.topic.replication.factor=1\n');
    expect(properties).toContain('num.partitions=5\n');
    expect(properties).toContain('log.dirs=/tmp/k/data\n');
  });
});

describe('parseJavaMajor', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['no version here', undefined],
  ])('reads %s as %s', (output, major) => {
    expect(parseJavaMajor(output)).toBe(major);
  });
});
