// The content script of Hugging Face pages: one per site, so a page loads only its own adapter.
import { huggingFace } from '../../sites/huggingface';
import { startShelf } from '../start';

startShelf([huggingFace]);
