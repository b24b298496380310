// Unit tests run in Node, which has Web Crypto but no IndexedDB.
import 'fake-indexeddb/auto';
