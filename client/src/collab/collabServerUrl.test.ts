import { describe, expect, it } from 'vitest';
import { collabServerUrl } from './collabServerUrl.ts';

describe('collabServerUrl', () => {
  it('uses ws on the page host for plain http', () => {
    expect(collabServerUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/collab');
  });

  it('uses wss when the page is served over https', () => {
    expect(collabServerUrl({ protocol: 'https:', host: 'studio.example.org' })).toBe('wss://studio.example.org/collab');
  });
});
