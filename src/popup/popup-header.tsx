/** The popup's header: the extension's icon and name, and the way to the library and its settings. */
import icon from '../../assets/icon-48.png';

const OPTIONS = '../options/index.html';

export function PopupHeader() {
  return (
    <header class="bar-top">
      <img src={icon} alt="" width={20} height={20} />
      <h1>Papershelf</h1>
      <nav aria-label="Papershelf pages">
        <a href={`${OPTIONS}#library`} target="_blank" rel="noreferrer">
          Library
        </a>
        <a href={`${OPTIONS}#settings`} target="_blank" rel="noreferrer">
          Settings
        </a>
      </nav>
    </header>
  );
}
