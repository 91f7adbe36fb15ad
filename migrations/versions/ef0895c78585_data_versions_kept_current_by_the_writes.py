"""Data versions of the public pages, kept current by the writes.

A counter per scope (`national`, `gemeente:<id>`) that each transaction changing what public
pages show bumps at its commit; a public request reads its version from here instead of
aggregating the tables. The first write after the upgrade starts the counters.

Revision ID: ef0895c78585
Revises: d216f30d3649
Create Date: 2026-11-25 10:11:48.344401

"""
from alembic import op
import sqlalchemy as sa



# revision identifiers, used by Alembic.
revision = 'ef0895c78585'
down_revision = 'd216f30d3649'
branch_labels = None
depends_on = None

def upgrade():
    op.create_table('data_versions',
    sa.Column('scope', sa.String(length=40), nullable=False),
    sa.Column('counter', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('scope', name=op.f('pk_data_versions'))
    )

def downgrade():
    op.drop_table('data_versions')
