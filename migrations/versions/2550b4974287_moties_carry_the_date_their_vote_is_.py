"""Moties carry the day their vote is planned for, for "Binnenkort in de raad" and the calendar.

Revision ID: 2550b4974287
Revises: 7a4018ff2526
Create Date: 2026-11-25 07:17:47.175649

"""
from alembic import op
import sqlalchemy as sa



# revision identifiers, used by Alembic.
revision = '2550b4974287'
down_revision = '7a4018ff2526'
branch_labels = None
depends_on = None

def upgrade():
    with op.batch_alter_table('moties', schema=None) as batch_op:
        batch_op.add_column(sa.Column('vote_planned_on', sa.Date(), nullable=True))


def downgrade():
    with op.batch_alter_table('moties', schema=None) as batch_op:
        batch_op.drop_column('vote_planned_on')
