import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'stac-model', rootDir: import.meta.dirname };
