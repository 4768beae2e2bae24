import { render } from 'preact';
import { browserConnection } from '../messaging/client';
import { openDatabase } from '../db/schema';
import { Popup } from './popup';

render(<Popup db={openDatabase()} worker={browserConnection()} />, document.getElementById('app')!);
