import { render } from 'preact';
import { Welcome } from './welcome';

render(<Welcome />, document.getElementById('app')!);
