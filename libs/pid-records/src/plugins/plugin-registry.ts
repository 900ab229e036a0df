import { PluginAlreadyRegisteredError, UnknownPluginError } from '../errors.js';
import { CMIP6_PLUGIN } from './cmip6-plugin.js';
import type { RecordPlugin } from './record-plugin.js';

const plugins = new Map<string, RecordPlugin>([[CMIP6_PLUGIN.name, CMIP6_PLUGIN]]);

/**
 * Makes a plugin available by its name. A name can be registered once; registering the same
 * plugin object again does nothing.
 */
export function registerRecordPlugin(plugin: RecordPlugin): void {
  const registered = plugins.get(plugin.name);
  if (registered === plugin) return;
  if (registered) {
    throw new PluginAlreadyRegisteredError(
      `A record plugin named "${plugin.name}" is already registered; choose another name`,
    );
  }
  plugins.set(plugin.name, plugin);
}

/** The plugin registered under `name`; throws `UnknownPluginError` naming the known ones. */
export function getRecordPlugin(name: string): RecordPlugin {
  const plugin = plugins.get(name);
  if (!plugin) {
    throw new UnknownPluginError(
      `No record plugin is named "${name}"; known plugins: ${listRecordPlugins().join(', ')}. ` +
        'Check consumer.plugin in the configuration',
    );
  }
  return plugin;
}

/** Names of every registered plugin, sorted. */
export function listRecordPlugins(): string[] {
  return [...plugins.keys()].sort();
}
