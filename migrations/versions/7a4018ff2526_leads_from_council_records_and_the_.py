"""Leads from council records: coverage per source, search terms, runs with their steps,
leads and the hits already looked at.

Revision ID: 7a4018ff2526
Revises: 3e73aaf813a0
Create Date: 2026-11-25 07:03:38.986900

"""
from alembic import op
import sqlalchemy as sa



# revision identifiers, used by Alembic.
revision = '7a4018ff2526'
down_revision = '3e73aaf813a0'
branch_labels = None
depends_on = None

def upgrade():
    op.create_table('discovery_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('heartbeat_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('state', sa.Enum('bezig', 'klaar', 'klaar-met-fouten', 'onderbroken', 'vervangen', name='runstate', native_enum=False, length=30), nullable=False),
    sa.Column('strategy', sa.String(length=20), nullable=False),
    sa.Column('since', sa.Date(), nullable=True),
    sa.Column('gemeente_codes', sa.Text(), nullable=False),
    sa.Column('terms', sa.JSON(), nullable=False),
    sa.Column('pid', sa.Integer(), nullable=True),
    sa.Column('host', sa.String(length=255), nullable=True),
    sa.Column('requests', sa.Integer(), nullable=False),
    sa.Column('units', sa.Double(), nullable=False),
    sa.Column('new_leads', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discovery_runs'))
    )
    with op.batch_alter_table('discovery_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_discovery_runs_state'), ['state'], unique=False)

    op.create_table('discovery_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=500), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('hits', sa.Integer(), nullable=False),
    sa.Column('new_leads', sa.Integer(), nullable=False),
    sa.Column('incomplete', sa.Boolean(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['run_id'], ['discovery_runs.id'], name=op.f('fk_discovery_steps_run_id_discovery_runs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discovery_steps')),
    sa.UniqueConstraint('run_id', 'key', name='uq_discovery_steps_run_key')
    )
    op.create_table('discovery_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=100), nullable=False),
    sa.Column('words', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_discovery_terms_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discovery_terms')),
    sa.UniqueConstraint('words', name=op.f('uq_discovery_terms_words'))
    )
    op.create_table('discovery_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_key', sa.String(length=120), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('cbs_code', sa.String(length=6), nullable=True),
    sa.Column('gemeente_id', sa.Integer(), nullable=True),
    sa.Column('organization_type', sa.String(length=40), nullable=True),
    sa.Column('supplier', sa.String(length=40), nullable=True),
    sa.Column('state', sa.String(length=40), nullable=False),
    sa.Column('last_success_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_run_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_run_status', sa.String(length=40), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('latest_content_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('discontinued_on', sa.Date(), nullable=True),
    sa.Column('successor_cbs_code', sa.String(length=6), nullable=True),
    sa.Column('successor_label', sa.String(length=200), nullable=True),
    sa.Column('successor_source_key', sa.String(length=120), nullable=True),
    sa.Column('reported_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('checked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['gemeente_id'], ['gemeenten.id'], name=op.f('fk_discovery_sources_gemeente_id_gemeenten')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discovery_sources')),
    sa.UniqueConstraint('source_key', name=op.f('uq_discovery_sources_source_key'))
    )
    with op.batch_alter_table('discovery_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_discovery_sources_gemeente_id'), ['gemeente_id'], unique=False)

    op.create_table('discovery_leads',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.String(length=300), nullable=False),
    sa.Column('motion_entity_id', sa.String(length=300), nullable=True),
    sa.Column('document_entity_id', sa.String(length=300), nullable=True),
    sa.Column('gemeente_id', sa.Integer(), nullable=False),
    sa.Column('source_key', sa.String(length=120), nullable=False),
    sa.Column('entity_type', sa.String(length=20), nullable=False),
    sa.Column('organization', sa.String(length=200), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('day', sa.Date(), nullable=True),
    sa.Column('snippet', sa.Text(), nullable=False),
    sa.Column('term', sa.String(length=100), nullable=False),
    sa.Column('result', sa.String(length=20), nullable=True),
    sa.Column('result_label', sa.String(length=200), nullable=True),
    sa.Column('tally_for', sa.Integer(), nullable=True),
    sa.Column('tally_against', sa.Integer(), nullable=True),
    sa.Column('group_votes', sa.JSON(), nullable=False),
    sa.Column('vote_summary', sa.Text(), nullable=True),
    sa.Column('parties', sa.JSON(), nullable=False),
    sa.Column('record_url', sa.String(length=1000), nullable=True),
    sa.Column('web_url', sa.String(length=1000), nullable=False),
    sa.Column('found_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.Enum('nieuw', 'geaccepteerd', 'afgewezen', name='leadstate', native_enum=False, length=30), nullable=False),
    sa.Column('handled_by_id', sa.Integer(), nullable=True),
    sa.Column('handled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('dismissal_reason', sa.Text(), nullable=True),
    sa.Column('motie_id', sa.Integer(), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['gemeente_id'], ['gemeenten.id'], name=op.f('fk_discovery_leads_gemeente_id_gemeenten')),
    sa.ForeignKeyConstraint(['handled_by_id'], ['users.id'], name=op.f('fk_discovery_leads_handled_by_id_users')),
    sa.ForeignKeyConstraint(['motie_id'], ['moties.id'], name=op.f('fk_discovery_leads_motie_id_moties')),
    sa.ForeignKeyConstraint(['run_id'], ['discovery_runs.id'], name=op.f('fk_discovery_leads_run_id_discovery_runs'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discovery_leads')),
    sa.UniqueConstraint('entity_id', name=op.f('uq_discovery_leads_entity_id'))
    )
    with op.batch_alter_table('discovery_leads', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_discovery_leads_document_entity_id'), ['document_entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_discovery_leads_gemeente_id'), ['gemeente_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_discovery_leads_motion_entity_id'), ['motion_entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_discovery_leads_run_id'), ['run_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_discovery_leads_state'), ['state'], unique=False)

    op.create_table('discovery_hits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.String(length=300), nullable=False),
    sa.Column('lead_id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('found_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['lead_id'], ['discovery_leads.id'], name=op.f('fk_discovery_hits_lead_id_discovery_leads'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['run_id'], ['discovery_runs.id'], name=op.f('fk_discovery_hits_run_id_discovery_runs'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discovery_hits')),
    sa.UniqueConstraint('entity_id', name=op.f('uq_discovery_hits_entity_id'))
    )
    with op.batch_alter_table('discovery_hits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_discovery_hits_lead_id'), ['lead_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_discovery_hits_run_id'), ['run_id'], unique=False)


def downgrade():
    with op.batch_alter_table('discovery_hits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_discovery_hits_run_id'))
        batch_op.drop_index(batch_op.f('ix_discovery_hits_lead_id'))

    op.drop_table('discovery_hits')
    with op.batch_alter_table('discovery_leads', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_discovery_leads_state'))
        batch_op.drop_index(batch_op.f('ix_discovery_leads_run_id'))
        batch_op.drop_index(batch_op.f('ix_discovery_leads_motion_entity_id'))
        batch_op.drop_index(batch_op.f('ix_discovery_leads_gemeente_id'))
        batch_op.drop_index(batch_op.f('ix_discovery_leads_document_entity_id'))

    op.drop_table('discovery_leads')
    with op.batch_alter_table('discovery_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_discovery_sources_gemeente_id'))

    op.drop_table('discovery_sources')
    op.drop_table('discovery_terms')
    op.drop_table('discovery_steps')
    with op.batch_alter_table('discovery_runs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_discovery_runs_state'))

    op.drop_table('discovery_runs')
