import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';

/** The words to show for a failed call: the server's own message, or ours when there was no answer. */
export const useErrorText = () => {
  const { t } = useTranslation();

  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.status === 0) return t('errors.network');
      if (error.detail) return error.detail;
    }

    return t('errors.unexpected');
  };
};

export const Loading = ({ label }: { label?: string }) => {
  const { t } = useTranslation();

  return (
    <p className="status" role="status">
      {label ?? t('common.loading')}
    </p>
  );
};

export const Empty = ({ children }: { children: ReactNode }) => <p className="status status-empty">{children}</p>;

/** An error box that is announced as soon as it appears. */
export const ErrorNotice = ({ error, children }: { error?: unknown; children?: ReactNode }) => {
  const text = useErrorText();
  if (error === undefined && children === undefined) return null;

  return (
    <div className="notice notice-error" role="alert">
      {children ?? text(error)}
    </div>
  );
};

/** A horizontally scrollable table region that keyboard users can scroll too. */
export const TableScroll = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
    <table>{children}</table>
  </div>
);
