// Options page. Every setting arrives with issue 7.
import { render } from 'preact';
import browser from '../shared/browser.ts';

function Options() {
  return (
    <main class="options">
      <h1>{browser.i18n.getMessage('optionsTitle')}</h1>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
