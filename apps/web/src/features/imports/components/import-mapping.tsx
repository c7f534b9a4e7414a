import type { TImportField, TImportJob } from '@qianke/contracts/imports';
import {
  type ColumnMapping,
  type MappingProblem,
  mappingProblems,
  suggestMapping,
} from '@qianke/core/imports/column-mapping';
import { IMPORT_FIELDS } from '@qianke/core/imports/fields';
import { Alert, Button, Flex, Form, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportRows } from '../api/get-import-rows';
import { useSaveMapping } from '../api/save-mapping';
import { useImportTexts } from '../hooks/use-import-texts';
import { DefaultSourceSelect } from './default-source-select';

const SAMPLES = 3;

type Column = { index: number; header: string; samples: string[] };

type ImportMappingProps = {
  job: TImportJob;
  /** Called once every row has been checked with the new mapping. */
  onMapped: () => void;
  /** Shown when the job was mapped before: back to its preview without checking again. */
  onCancel?: (() => void) | undefined;
};

/** Each column of the file with its first values and the field it holds, pre-filled by the header. */
export const ImportMapping = ({ job, onMapped, onCancel }: ImportMappingProps) => {
  const { t } = useTranslation();
  const { fieldLabel, errorText } = useImportTexts();
  const samples = useImportRows(job.id, 'all', { limit: SAMPLES });
  const save = useSaveMapping(job.id);
  const [mapping, setMapping] = useState<ColumnMapping>(() => job.mapping ?? suggestMapping(job.headers));
  const [defaultSourceId, setDefaultSourceId] = useState<string | undefined>(
    job.defaultSourceId ?? undefined,
  );
  const [tried, setTried] = useState(false);

  const problems = mappingProblems(mapping, job.headers.length, defaultSourceId !== undefined);
  const columns = useMemo<Column[]>(() => {
    const rows = samples.data?.pages[0]?.items ?? [];
    return job.headers.map((header, index) => ({
      index,
      header: header || t('imports.mapping.columnN', { n: index + 1 }),
      samples: rows.map((row) => row.cells[index] ?? '').filter(Boolean),
    }));
  }, [job.headers, samples.data, t]);

  const problemText = (problem: MappingProblem) => {
    if (problem.code === 'field_required') {
      return problem.field === 'source'
        ? t('imports.mapping.sourceRequired')
        : t('imports.mapping.required', { field: fieldLabel(problem.field) });
    }
    if (problem.code === 'field_twice')
      return t('imports.mapping.twice', { field: fieldLabel(problem.field) });
    return t('imports.mapping.invalid');
  };

  const choose = (index: number, field: TImportField | undefined) =>
    setMapping((current) => {
      const next = { ...current };
      if (field) next[String(index)] = field;
      else delete next[String(index)];
      return next;
    });

  const submit = () => {
    setTried(true);
    if (problems.length > 0 || save.isPending) return;
    save.mutate({ mapping, defaultSourceId: defaultSourceId ?? null }, { onSuccess: onMapped });
  };

  const options = IMPORT_FIELDS.map((field) => ({ value: field, label: fieldLabel(field) }));
  const tableColumns: TableColumnsType<Column> = [
    {
      key: 'header',
      title: t('imports.mapping.column'),
      width: 200,
      render: (_, column) => <Typography.Text strong>{column.header}</Typography.Text>,
    },
    {
      key: 'samples',
      title: t('imports.mapping.samples'),
      render: (_, column) =>
        column.samples.length > 0 ? (
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
            {column.samples.join(' · ')}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">-</Typography.Text>
        ),
    },
    {
      key: 'field',
      title: t('imports.mapping.field'),
      width: 220,
      render: (_, column) => {
        const field = mapping[String(column.index)];
        const twice = problems.some(
          (p) => p.code === 'field_twice' && p.columns.includes(String(column.index)),
        );
        return (
          <Select<TImportField>
            value={field}
            onChange={(value) => choose(column.index, value)}
            allowClear
            placeholder={t('imports.mapping.skip')}
            options={options}
            status={tried && twice ? 'error' : undefined}
            style={{ width: 200 }}
            aria-label={t('imports.mapping.fieldOf', { column: column.header })}
            data-testid={`mapping-field-${column.index}`}
          />
        );
      },
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="import-mapping">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('imports.mapping.intro', { count: job.totalRows })}
      </Typography.Paragraph>
      <Table<Column>
        rowKey="index"
        size="small"
        columns={tableColumns}
        dataSource={columns}
        loading={samples.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Form layout="vertical">
        <Form.Item label={t('imports.mapping.defaultSource')} extra={t('imports.mapping.defaultSourceHint')}>
          <DefaultSourceSelect value={defaultSourceId} onChange={setDefaultSourceId} />
        </Form.Item>
      </Form>
      {tried && problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('imports.mapping.fix')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {[...new Set(problems.map(problemText))].map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          }
          data-testid="mapping-problems"
        />
      )}
      {save.isError && (
        <Alert
          type="error"
          showIcon
          title={t('imports.mapping.failed')}
          description={errorText(save.error)}
        />
      )}
      <Flex gap={8} justify="flex-end">
        {onCancel && (
          <Button onClick={onCancel} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
        )}
        <Button type="primary" onClick={submit} loading={save.isPending} data-testid="mapping-submit">
          {save.isPending ? t('imports.mapping.checking') : t('imports.mapping.submit')}
        </Button>
      </Flex>
    </Flex>
  );
};
