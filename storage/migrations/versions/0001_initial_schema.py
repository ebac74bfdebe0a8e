"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 11:23:02.232518
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('dialog_state',
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('etag', sa.String(length=32), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('processed_activities',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    with op.batch_alter_table('processed_activities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_processed_activities_created_at'), ['created_at'], unique=False)

    op.create_table('reflections',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('draft_id', sa.String(length=36), nullable=False),
    sa.Column('author_aad_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('assessment_for', sa.String(length=10), nullable=False),
    sa.Column('service_areas', sa.JSON(), nullable=False),
    sa.Column('gap_type', sa.String(length=40), nullable=False),
    sa.Column('cohorts', sa.JSON(), nullable=False),
    sa.Column('risks', sa.JSON(), nullable=False),
    sa.Column('neighbourhood', sa.String(length=64), nullable=True),
    sa.Column('locality', sa.String(length=20), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('draft_id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('reflections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reflections_author_aad_id'), ['author_aad_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reflections_created_at'), ['created_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('reflections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reflections_created_at'))
        batch_op.drop_index(batch_op.f('ix_reflections_author_aad_id'))

    op.drop_table('reflections')
    with op.batch_alter_table('processed_activities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_processed_activities_created_at'))

    op.drop_table('processed_activities')
    op.drop_table('dialog_state')
