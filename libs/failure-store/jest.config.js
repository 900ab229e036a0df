import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'failure-store', rootDir: import.meta.dirname };
