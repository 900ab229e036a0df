// Reads back what the consumer wrote to the mock Handle server.
import { HandleClient, valuesToFields } from '@piddi/handle-client';
import type { StartedMockHandleServer } from '@piddi/mock-handle';

/** A client with the mock server's default credentials: listing a prefix needs them. */
export function clientFor(server: StartedMockHandleServer): HandleClient {
  return new HandleClient({
    baseUrl: server.url,
    auth: { username: '300:21.TEST/testuser', password: 'testpass' },
    maxConcurrency: 32,
  });
}

/** Handles the server holds under `prefix`. */
export async function countHandles(client: HandleClient, prefix: string): Promise<number> {
  const page = await client.listHandles(prefix, { page: 0, pageSize: 0 });
  return page.totalCount;
}

/** The dataset handles under `prefix` by the STAC item id they were registered for. */
export async function datasetHandles(
  client: HandleClient,
  prefix: string,
): Promise<Map<string, string>> {
  const handles: string[] = [];
  for await (const handle of client.iterateHandles(prefix, { pageSize: 1000 }))
    handles.push(handle);
  const records = await Promise.all(
    handles.map((handle) => client.getHandle(handle, { type: ['DATASET_ID', 'DATASET_VERSION'] })),
  );
  const datasets = new Map<string, string>();
  records.forEach((record, index) => {
    const fields = record ? valuesToFields(record.values) : {};
    if (fields.DATASET_ID)
      datasets.set(`${fields.DATASET_ID}.${fields.DATASET_VERSION}`, handles[index]!);
  });
  return datasets;
}

/** Every field of a handle, JSON values decoded; undefined when it does not exist. */
export async function fieldsOf(client: HandleClient, handle: string) {
  const record = await client.getHandle(handle);
  return record ? valuesToFields(record.values, { parseJson: true }) : undefined;
}
