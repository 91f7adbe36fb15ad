"""Register facts with their sources, councils as registered, status dates and motion sources.

Every gemeente's facts from the Register van Overheidsorganisaties: each export loaded
(register_sources), where each field's value comes from (gemeente_facts), the council per
raadsperiode as registered (raden); a fractie's origin; inhabitants and the general e-mail
address; the date a status began as far as the facts tell; a motion's source address and
raadsperiode; and the system part that wrote an audit entry (seed data or the register).
Existing fracties count as entered by hand: a load never overwrites them.

Revision ID: d216f30d3649
Revises: 2550b4974287
Create Date: 2026-11-25 07:03:02.498044

"""
from alembic import op
import sqlalchemy as sa



# revision identifiers, used by Alembic.
revision = 'd216f30d3649'
down_revision = '2550b4974287'
branch_labels = None
depends_on = None

def upgrade():
    op.create_table('register_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location', sa.String(length=500), nullable=False),
    sa.Column('export_date', sa.Date(), nullable=False),
    sa.Column('loaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_register_sources')),
    sa.UniqueConstraint('location', 'export_date', name='uq_register_sources_location_date')
    )
    op.create_table('gemeente_facts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('gemeente_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.Enum('inhabitants', 'website', 'general_email', 'griffie_email', name='factfield', native_enum=False, length=30), nullable=False),
    sa.Column('origin', sa.Enum('register', 'hand', name='origin', native_enum=False, length=10), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('register_value', sa.String(length=500), nullable=True),
    sa.Column('register_label', sa.String(length=100), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('kept_value', sa.String(length=500), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['gemeente_id'], ['gemeenten.id'], name=op.f('fk_gemeente_facts_gemeente_id_gemeenten')),
    sa.ForeignKeyConstraint(['source_id'], ['register_sources.id'], name=op.f('fk_gemeente_facts_source_id_register_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gemeente_facts')),
    sa.UniqueConstraint('gemeente_id', 'field', name='uq_gemeente_facts_field')
    )
    with op.batch_alter_table('gemeente_facts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gemeente_facts_gemeente_id'), ['gemeente_id'], unique=False)

    op.create_table('raden',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('gemeente_id', sa.Integer(), nullable=False),
    sa.Column('raadsperiode', sa.String(length=9), nullable=False),
    sa.Column('total_seats', sa.Integer(), nullable=True),
    sa.Column('parties', sa.JSON(), nullable=False),
    sa.Column('issues', sa.String(length=200), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['gemeente_id'], ['gemeenten.id'], name=op.f('fk_raden_gemeente_id_gemeenten')),
    sa.ForeignKeyConstraint(['source_id'], ['register_sources.id'], name=op.f('fk_raden_source_id_register_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_raden')),
    sa.UniqueConstraint('gemeente_id', 'raadsperiode', name='uq_raden_gemeente_periode')
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('origin', sa.Enum('seed', 'register', name='systemorigin', native_enum=False, length=20), nullable=True))

    with op.batch_alter_table('fracties', schema=None) as batch_op:
        batch_op.add_column(sa.Column('origin', sa.Enum('register', 'hand', name='origin', native_enum=False, length=10), server_default='hand', nullable=False))
        batch_op.add_column(sa.Column('register_kept', sa.String(length=200), nullable=True))

    with op.batch_alter_table('gemeenten', schema=None) as batch_op:
        batch_op.add_column(sa.Column('general_email', sa.String(length=254), nullable=True))
        batch_op.add_column(sa.Column('inhabitants', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('status_date', sa.String(length=10), nullable=True))

    with op.batch_alter_table('moties', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_url', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('raadsperiode', sa.String(length=9), nullable=True))

    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('happened_on', sa.String(length=10), nullable=True))

    # Motions recorded before: the council in office on the day of the vote, where the day
    # (as far as known: "2025-03", "2024") lies wholly before or after 1 April 2026.
    op.execute(
        "UPDATE moties SET raadsperiode = '2022-2026' WHERE voted_on IS NOT NULL"
        " AND (voted_on < '2026' OR (voted_on LIKE '2026-%' AND voted_on < '2026-04'))"
    )
    op.execute(
        "UPDATE moties SET raadsperiode = '2026-2030' WHERE voted_on IS NOT NULL"
        " AND voted_on >= '2026-04' AND voted_on < '2030'"
    )
    # An adopted gemeente's status dates from its earliest known vote to adopt (partial dates
    # sort as text), not from the moment it was recorded.
    op.execute(
        "UPDATE gemeenten SET status_date = (SELECT MIN(moties.voted_on) FROM moties"
        " WHERE moties.gemeente_id = gemeenten.id AND moties.outcome = 'aangenomen')"
        " WHERE status = 'aangenomen' AND manual_status IS NULL"
    )


def downgrade():
    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.drop_column('happened_on')

    with op.batch_alter_table('moties', schema=None) as batch_op:
        batch_op.drop_column('raadsperiode')
        batch_op.drop_column('source_url')

    with op.batch_alter_table('gemeenten', schema=None) as batch_op:
        batch_op.drop_column('status_date')
        batch_op.drop_column('inhabitants')
        batch_op.drop_column('general_email')

    with op.batch_alter_table('fracties', schema=None) as batch_op:
        batch_op.drop_column('register_kept')
        batch_op.drop_column('origin')

    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_column('origin')

    op.drop_table('raden')
    with op.batch_alter_table('gemeente_facts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gemeente_facts_gemeente_id'))

    op.drop_table('gemeente_facts')
    op.drop_table('register_sources')
