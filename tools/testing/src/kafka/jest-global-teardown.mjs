// The file a jest config names as `globalTeardown`; see jest-global-setup.mjs for why it is
// JavaScript.
import { tsImport } from 'tsx/esm/api';

const { default: tearDownKafkaBroker } = await tsImport(
  '../kafka-global-teardown.ts',
  import.meta.url,
);

export default tearDownKafkaBroker;
