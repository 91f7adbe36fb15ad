"""Indexes for the worklist, timelines and histories: they stay fast as the logs grow.

Revision ID: 3e73aaf813a0
Revises: b67784a404c3
Create Date: 2026-11-25 07:14:51.776295

"""
from alembic import op
import sqlalchemy as sa



# revision identifiers, used by Alembic.
revision = '3e73aaf813a0'
down_revision = 'b67784a404c3'
branch_labels = None
depends_on = None

def upgrade():
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entries_gemeente_occurred', ['gemeente_id', 'occurred_at'], unique=False)

    with op.batch_alter_table('outreach_entries', schema=None) as batch_op:
        batch_op.create_index('ix_outreach_entries_gemeente_follow_up', ['gemeente_id', 'follow_up_done', 'follow_up_on'], unique=False)
        batch_op.create_index('ix_outreach_entries_gemeente_occurred', ['gemeente_id', 'occurred_on'], unique=False)


def downgrade():
    with op.batch_alter_table('outreach_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_outreach_entries_gemeente_occurred')
        batch_op.drop_index('ix_outreach_entries_gemeente_follow_up')

    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entries_gemeente_occurred')

