#!/usr/bin/env node
// Installs the npm dependencies when they are missing or older than package-lock.json, so that
// `npm start` and `npm test` work on a fresh clone. Uses only Node's built-ins: it runs before
// node_modules exists.
//
// @confluentinc/kafka-javascript normally downloads a prebuilt librdkafka binding. Where that
// download is not reachable it has to be compiled, which needs the C libraries librdkafka links
// against and CKJS_LINKING=dynamic. This script tries the download first and falls back to the
// source build, installing the Debian packages itself when it runs as root. It also installs
// Java 17 and Maven, which the local Kafka broker needs, when they are missing and it can.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = join(ROOT, 'node_modules', '.piddi-install-stamp');
const BUILD_PACKAGES = [
  'zlib1g-dev',
  'libssl-dev',
  'libsasl2-dev',
  'libzstd-dev',
  'liblz4-dev',
  'libcurl4-openssl-dev',
];
const BINARY_HOST = 'https://github.com';
const JAVA_PACKAGE = 'openjdk-17-jdk-headless';

function lockDigest() {
  const lock = join(ROOT, 'package-lock.json');
  const text = readFileSync(existsSync(lock) ? lock : join(ROOT, 'package.json'));
  return createHash('sha256').update(text).digest('hex');
}

function isInstalled() {
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8') === lockDigest();
}

function log(message) {
  process.stderr.write(`[bootstrap] ${message}\n`);
}

async function isBinaryHostReachable() {
  try {
    await fetch(BINARY_HOST, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    return true;
  } catch {
    return false;
  }
}

function npmInstall(env) {
  const command = existsSync(join(ROOT, 'package-lock.json')) ? 'ci' : 'install';
  const result = spawnSync('npm', [command, '--no-audit', '--no-fund'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  return result.status === 0;
}

function missingBuildPackages() {
  return BUILD_PACKAGES.filter((name) => {
    const probe = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return !(probe.stdout ?? '').includes('install ok installed');
  });
}

function canUseApt() {
  return process.platform === 'linux' && existsSync('/usr/bin/dpkg-query');
}

function aptInstall(packages, purpose) {
  log(`installing ${packages.join(' ')} ${purpose}`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function ensureBuildPackages() {
  if (!canUseApt()) return;
  const missing = missingBuildPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    log(
      `the Kafka client must be compiled; please run: sudo apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(1);
  }
  aptInstall(missing, 'to compile the Kafka client');
}

function isOnPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

// The local Kafka broker and the reference Handle server run on a JVM from jars that Maven
// fetches. Without them those parts explain themselves when used, so this only helps out.
function ensureJavaAndMaven() {
  const missing = [];
  if (!isOnPath('java') || !isOnPath('javac')) missing.push(JAVA_PACKAGE);
  if (!isOnPath('mvn')) missing.push('maven');
  if (missing.length === 0) return;
  if (!canUseApt() || process.getuid?.() !== 0) {
    log(`the local Kafka broker needs Java 17 and Maven; please install ${missing.join(' ')}`);
    return;
  }
  aptInstall(missing, 'for the local Kafka broker');
}

function installFromSource() {
  ensureBuildPackages();
  log('compiling the Kafka client (CKJS_LINKING=dynamic); this takes a few minutes');
  const env = { CKJS_LINKING: 'dynamic' };
  if (!process.env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) {
    // Node's headers ship with the distribution's package; without this, node-gyp downloads them.
    env.npm_config_nodedir = '/usr';
  }
  return npmInstall(env);
}

async function install() {
  log('installing npm dependencies');
  if (process.env.CKJS_LINKING === 'dynamic') return installFromSource();
  if ((await isBinaryHostReachable()) && npmInstall({})) return true;
  log('the prebuilt Kafka client binary is not available here');
  return installFromSource();
}

ensureJavaAndMaven();
if (!isInstalled()) {
  if (!(await install())) {
    log('npm install failed; see the output above');
    process.exit(1);
  }
  writeFileSync(STAMP, lockDigest());
}
