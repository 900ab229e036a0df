import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'pid-records', rootDir: import.meta.dirname };
