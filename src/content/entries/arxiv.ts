// The content script of arXiv pages: one per site, so a page loads only its own adapter.
import { arxiv } from '../../sites/arxiv';
import { startShelf } from '../start';

startShelf([arxiv]);
