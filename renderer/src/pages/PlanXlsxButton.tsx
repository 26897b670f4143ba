/** «Таблица в Excel»: the plan as it stands, saved through the desktop's dialog or downloaded in the browser mode. */
import { FileExcelOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { call } from '../api';
import { downloadBase64, MIME } from '../files';
import { useAction } from '../hooks';

export function PlanXlsxButton({ roadmapId }: { roadmapId: number }) {
  const act = useAction();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await act(async () => {
        if (window.rmk) await call('plan.saveXlsx', { roadmapId });
        else {
          const r = await call('plan.downloadXlsx', { roadmapId });
          downloadBase64(r.fileName, r.base64, MIME.xlsx);
        }
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={<FileExcelOutlined />}
      loading={busy}
      onClick={() => void save()}
      title="Таблица плана как в редакторе: разделы, номера, столбцы этой карты"
    >
      Таблица в Excel
    </Button>
  );
}
