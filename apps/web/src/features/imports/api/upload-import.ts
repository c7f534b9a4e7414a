import type { TUploadImportResponse } from '@qianke/contracts/imports';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, buildUrl } from '@/lib/api-client';
import { importsQueryKey } from './get-imports';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** By name: browsers label a .csv differently on every system (text/csv, application/vnd.ms-excel, none). */
const contentTypeOf = (file: File): string => {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  if (name.endsWith('.csv')) return 'text/csv';
  return 'application/octet-stream';
};

type ErrorBody = { error?: { code?: string; message?: string; fields?: Record<string, string> } };

/** The file itself is the body (not a form): the server streams it to disk and reads it row by row. */
export const uploadImport = async (file: File): Promise<TUploadImportResponse> => {
  let response: Response;
  try {
    response = await fetch(buildUrl('/imports', { fileName: file.name }), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': contentTypeOf(file) },
      body: file,
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', message: 'The server could not be reached.' });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (body as ErrorBody | undefined)?.error;
    throw new ApiError({
      status: response.status,
      code: error?.code ?? 'unexpected_response',
      message: error?.message ?? `${response.status} ${response.statusText}`,
      fields: error?.fields,
    });
  }
  return body as TUploadImportResponse;
};

export const useUploadImport = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadImport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importsQueryKey }),
  });
};
