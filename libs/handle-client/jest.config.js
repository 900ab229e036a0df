import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'handle-client', rootDir: import.meta.dirname };
