import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n';
import { readCookie } from '../../lib/cookies';
import { mockFetch } from '../../test/fetch';
import { renderApp } from '../../test/render';

afterEach(() => setLanguage('id'));

describe('language switch', () => {
  it('switches the interface to English, sets <html lang> and the cookie the server reads', async () => {
    mockFetch({});
    renderApp('/masuk');

    fireEvent.click(screen.getByRole('button', { name: 'English' }));

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in'));
    expect(document.documentElement.lang).toBe('en');
    expect(readCookie('jj_lang')).toBe('en');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
  });
});
