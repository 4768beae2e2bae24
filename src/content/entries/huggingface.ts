// The content script of Hugging Face pages: one per site, so a page loads only its own adapter.
import { huggingFace } from '../../sites/huggingface';
import { ControlRoom } from '../room';
import { startShelf } from '../start';

// Daily Papers adapters name the controls' slots: room is reserved before the cards arrive.
startShelf([huggingFace], (document) => new ControlRoom(document));
