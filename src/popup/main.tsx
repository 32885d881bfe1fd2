// Toolbar popup. Settings, "on this page" and the entity browser arrive with issue 7.
import { render } from 'preact';
import browser from '../shared/browser.ts';

function Popup() {
  return (
    <main class="popup">
      <h1>{browser.i18n.getMessage('popupTitle')}</h1>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
