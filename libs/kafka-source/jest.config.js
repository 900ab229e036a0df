import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'kafka-source', rootDir: import.meta.dirname };
