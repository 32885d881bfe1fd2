// Every browser API call goes through webextension-polyfill, so Chrome and Firefox share one code path.
import browser from 'webextension-polyfill';

export default browser;
