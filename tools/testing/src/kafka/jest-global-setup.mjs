// The file a jest config names as `globalSetup`. Jest loads global setup modules with Node's
// own loader, outside its transform and module mapping, where a TypeScript source with `.js`
// imports cannot load; tsx loads it instead.
import { tsImport } from 'tsx/esm/api';

const { default: setUpKafkaBroker } = await tsImport('../kafka-global-setup.ts', import.meta.url);

export default setUpKafkaBroker;
