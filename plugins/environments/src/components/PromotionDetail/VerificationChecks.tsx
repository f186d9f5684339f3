import type {
  PromotionDetail,
  VerificationCheckResult,
} from '@stageline/plugin-environments-common';
import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { type DataColumn, DataTable } from '../DataTable';
import { StatusWord } from '../StatusWord';
import { Timestamp } from '../Timestamp';

/** The latest result of each verification check, and the automatic rollback it led to. */
export const VerificationChecks = (props: {
  verification: NonNullable<PromotionDetail['verification']>;
}) => {
  const { verification } = props;
  const columns: DataColumn<VerificationCheckResult>[] = [
    { title: 'Check', render: r => r.check },
    {
      title: 'Result',
      render: r => (
        <StatusWord kind={r.passed ? 'ok' : 'error'}>
          {r.passed ? 'Passed' : 'Failed'}
        </StatusWord>
      ),
    },
    { title: 'Why', render: r => r.reason },
    { title: 'When', render: r => <Timestamp iso={r.at} /> },
  ];
  return (
    <>
      <DataTable
        label="Verification checks"
        columns={columns}
        rows={verification.results}
        rowKey={r => r.check}
      />
      {verification.rollbackPromotionId && (
        <Typography variant="body2">
          Rolled back automatically:{' '}
          <Link
            to={`../promotions/${encodeURIComponent(
              verification.rollbackPromotionId,
            )}`}
          >
            the rollback
          </Link>
        </Typography>
      )}
      {verification.rollbackNote && (
        <Typography variant="body2">{verification.rollbackNote}</Typography>
      )}
    </>
  );
};
