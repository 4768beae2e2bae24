/** Content-script entry: wires the shelf to the real page, adapters and worker. */
import { browserConnection } from '../messaging/client';
import { adapterFor } from '../sites/registry';
import { Shelf } from './shelf';

const shelf = new Shelf({ document, adapterFor, worker: browserConnection() });
void shelf.start();
