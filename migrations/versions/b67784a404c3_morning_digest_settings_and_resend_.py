"""The morning digest: who wants it and when it last went out; why an appeal was sent again.

Revision ID: b67784a404c3
Revises: 127710e54c03
Create Date: 2026-11-25 06:51:43.842007

"""
from alembic import op
import sqlalchemy as sa



# revision identifiers, used by Alembic.
revision = 'b67784a404c3'
down_revision = '127710e54c03'
branch_labels = None
depends_on = None

def upgrade():
    with op.batch_alter_table('mail_batches', schema=None) as batch_op:
        batch_op.add_column(sa.Column('resend_reason', sa.Text(), nullable=True))

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('wants_digest', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.add_column(sa.Column('digest_sent_on', sa.Date(), nullable=True))


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('digest_sent_on')
        batch_op.drop_column('wants_digest')

    with op.batch_alter_table('mail_batches', schema=None) as batch_op:
        batch_op.drop_column('resend_reason')

