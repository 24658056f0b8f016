import { Component, type ErrorInfo, type ReactNode } from 'react';
import { translate } from './i18n';
import { useViewStore } from '../state';

interface State {
  error: Error | null;
}

/** Never a blank screen: an unexpected render error shows what happened and a way back. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Sao: unexpected UI error', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const lang = useViewStore.getState().lang;
    return (
      <div className="fatal" role="alert">
        <p>{translate(lang, 'error.boundary', { detail: error.message })}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {translate(lang, 'error.reload')}
        </button>
      </div>
    );
  }
}
