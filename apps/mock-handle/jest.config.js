import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'mock-handle', rootDir: import.meta.dirname };
