import { Component, type ErrorInfo, type ReactNode } from 'react';
import { CrashPage } from './crash-page';

type ErrorBoundaryProps = { children: ReactNode };
type ErrorBoundaryState = { error: unknown; failed: boolean };

/** The last line of defence for errors outside the router (which has its own errorElement). */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Qianke crashed', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <CrashPage error={this.state.error} /> : this.props.children;
  }
}
