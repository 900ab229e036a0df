import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'checksum', rootDir: import.meta.dirname };
