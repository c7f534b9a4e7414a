import { Col, Row } from 'antd';
import { Children, type ReactNode } from 'react';

type PanelGridProps = { homeRole: string; children: ReactNode };

/** The root of every role's home page: panels two by two on wide screens, stacked on narrow ones. */
export const PanelGrid = ({ homeRole, children }: PanelGridProps) => (
  <div data-testid={`home-${homeRole}`}>
    <Row gutter={[16, 16]}>
      {Children.map(children, (panel) => (
        <Col xs={24} lg={12}>
          {panel}
        </Col>
      ))}
    </Row>
  </div>
);
