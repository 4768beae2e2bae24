import { render } from 'preact';
import { openDatabase } from '../db/schema';
import { browserConnection } from '../messaging/client';
import { Options } from './options';

render(<Options db={openDatabase()} worker={browserConnection()} />, document.getElementById('app')!);
