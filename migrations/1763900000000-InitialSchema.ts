import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole first schema of Tramos. Amounts are numeric(16,2) (soles), ratios numeric(20,6);
 * both are read as Decimals, never floats. Structure rows (periods, criteria, indicators) keep
 * their ids across versions; each version's full text is kept in agreement_versions.snapshot.
 */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    // ---------- catalogues ----------
    await q.query(`
      CREATE TABLE territories (
        ubigeo char(6) PRIMARY KEY,
        level text NOT NULL CHECK (level IN ('DEPARTMENT','PROVINCE','DISTRICT')),
        name text NOT NULL,
        department_ubigeo char(6) NOT NULL,
        province_ubigeo char(6),
        parent_ubigeo char(6) REFERENCES territories(ubigeo),
        department_name text NOT NULL,
        province_name text,
        poverty_rate numeric(9,6),
        extreme_poverty_rate numeric(9,6),
        quintile smallint CHECK (quintile BETWEEN 1 AND 5)
      )`);
    await q.query(`CREATE INDEX territories_parent_idx ON territories(parent_ubigeo)`);
    await q.query(`CREATE INDEX territories_level_idx ON territories(level, quintile)`);
    await q.query(`
      CREATE TABLE donors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE funding_programs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        donor_id uuid NOT NULL REFERENCES donors(id),
        reference text,
        currency char(3) NOT NULL DEFAULT 'EUR',
        total_amount numeric(16,2),
        starts_on date,
        ends_on date,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE entities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('REGIONAL_GOVERNMENT','NATIONAL_BODY','MINISTRY','LOCAL_GOVERNMENT','OTHER')),
        ubigeo char(6) REFERENCES territories(ubigeo),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE budget_programs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE budget_products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        budget_program_id uuid NOT NULL REFERENCES budget_programs(id),
        code text NOT NULL,
        name text NOT NULL,
        UNIQUE (budget_program_id, code)
      )`);

    // ---------- people ----------
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('ADMIN','ANALYST','APPROVER','ENTITY','VERIFIER','DONOR')),
        entity_id uuid REFERENCES entities(id),
        funding_program_id uuid REFERENCES funding_programs(id),
        donor_id uuid REFERENCES donors(id),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        token_version integer NOT NULL DEFAULT 0,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (role NOT IN ('ENTITY','VERIFIER') OR entity_id IS NOT NULL),
        CHECK (role <> 'DONOR' OR funding_program_id IS NOT NULL OR donor_id IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_idx ON users (lower(email))`);
    await q.query(`
      CREATE TABLE login_attempts (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        ip text NOT NULL,
        success boolean NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_attempts_email_idx ON login_attempts (lower(email), at)`);
    await q.query(`CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, at)`);

    // ---------- agreements ----------
    await q.query(`
      CREATE TABLE agreements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        title text NOT NULL,
        funding_program_id uuid NOT NULL REFERENCES funding_programs(id),
        entity_id uuid NOT NULL REFERENCES entities(id),
        verifier_entity_id uuid REFERENCES entities(id),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','IN_FORCE','CLOSED','TERMINATED')),
        number text,
        signed_on date,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        max_amount numeric(16,2) NOT NULL CHECK (max_amount >= 0),
        correction_days integer NOT NULL DEFAULT 15 CHECK (correction_days > 0),
        fixed_tranche_rule text NOT NULL DEFAULT 'ALL_OR_NOTHING' CHECK (fixed_tranche_rule IN ('ALL_OR_NOTHING','PER_PROCESS')),
        allow_carry_over boolean NOT NULL DEFAULT false,
        scope_quintiles smallint[] NOT NULL DEFAULT '{}',
        budget_program_ids uuid[] NOT NULL DEFAULT '{}',
        prioritized_product_ids uuid[] NOT NULL DEFAULT '{}',
        notes text,
        illustrative boolean NOT NULL DEFAULT false,
        current_version integer NOT NULL DEFAULT 1,
        row_version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on > starts_on)
      )`);
    await q.query(`CREATE INDEX agreements_entity_idx ON agreements(entity_id)`);
    await q.query(`CREATE INDEX agreements_program_idx ON agreements(funding_program_id)`);
    await q.query(`
      CREATE TABLE agreement_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreements(id),
        version integer NOT NULL,
        effective_from date NOT NULL,
        reason text NOT NULL,
        snapshot jsonb NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (agreement_id, version)
      )`);
    await q.query(`
      CREATE TABLE agreement_scope (
        agreement_id uuid NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        ubigeo char(6) NOT NULL REFERENCES territories(ubigeo),
        PRIMARY KEY (agreement_id, ubigeo)
      )`);
    await q.query(`
      CREATE TABLE agreement_analysts (
        agreement_id uuid NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        PRIMARY KEY (agreement_id, user_id)
      )`);
    await q.query(`CREATE INDEX agreement_analysts_user_idx ON agreement_analysts(user_id)`);
    await q.query(`
      CREATE TABLE periods (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        code text NOT NULL,
        name text NOT NULL,
        ordinal integer NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        UNIQUE (agreement_id, code),
        UNIQUE (agreement_id, ordinal)
      )`);
    await q.query(`
      CREATE TABLE tranches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        period_id uuid NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('FIXED','VARIABLE')),
        amount numeric(16,2) NOT NULL CHECK (amount >= 0),
        planned_date date NOT NULL,
        status text NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN
          ('SCHEDULED','OPEN','SUBMITTED','IN_REVIEW','OBSERVED','VERIFIED','APPROVED','TRANSFERRED','CANCELLED')),
        row_version integer NOT NULL DEFAULT 1,
        correction_deadline date,
        verified_version integer,
        verified_result jsonb,
        verified_input_hash text,
        verified_amount numeric(16,2),
        verified_by uuid REFERENCES users(id),
        verified_at timestamptz,
        conclusions text,
        recommendations text,
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        approved_amount numeric(16,2),
        cancelled_amount numeric(16,2),
        cancel_reason text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (period_id, kind)
      )`);
    await q.query(`CREATE INDEX tranches_agreement_idx ON tranches(agreement_id)`);
    await q.query(`CREATE INDEX tranches_status_idx ON tranches(status, planned_date)`);
    await q.query(`
      CREATE TABLE processes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        code text NOT NULL,
        name text NOT NULL,
        ordinal integer NOT NULL,
        weight numeric(20,6),
        share numeric(20,6),
        UNIQUE (agreement_id, code)
      )`);
    await q.query(`
      CREATE TABLE subprocesses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        process_id uuid NOT NULL REFERENCES processes(id) ON DELETE CASCADE,
        code text NOT NULL,
        name text NOT NULL,
        ordinal integer NOT NULL,
        weight numeric(20,6),
        UNIQUE (process_id, code)
      )`);
    await q.query(`
      CREATE TABLE criteria (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        subprocess_id uuid NOT NULL REFERENCES subprocesses(id) ON DELETE CASCADE,
        code text NOT NULL,
        name text NOT NULL,
        ordinal integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('BOOLEAN','AT_LEAST','AT_MOST')),
        unit text,
        weight numeric(20,6),
        verification_means text,
        UNIQUE (agreement_id, code)
      )`);
    await q.query(`
      CREATE TABLE criterion_levels (
        criterion_id uuid NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
        period_id uuid NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        required_level text NOT NULL,
        PRIMARY KEY (criterion_id, period_id)
      )`);
    await q.query(`
      CREATE TABLE indicators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        code text NOT NULL,
        name text NOT NULL,
        ordinal integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('RESULT','OUTPUT')),
        unit text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('INCREASE','DECREASE')),
        baseline_value numeric(20,6) NOT NULL,
        baseline_year integer NOT NULL,
        baseline_source text,
        source text NOT NULL,
        territorial_level text NOT NULL DEFAULT 'NATIONAL' CHECK (territorial_level IN ('NATIONAL','DEPARTMENT','PROVINCE','DISTRICT')),
        weight numeric(20,6) NOT NULL,
        scoring jsonb NOT NULL,
        datasheet jsonb,
        UNIQUE (agreement_id, code)
      )`);
    await q.query(`
      CREATE TABLE indicator_targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_id uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
        period_id uuid NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        ubigeo char(6) REFERENCES territories(ubigeo),
        value numeric(20,6) NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX indicator_targets_uq ON indicator_targets (indicator_id, period_id, coalesce(ubigeo, ''))`);
    await q.query(`
      CREATE TABLE neutralisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_id uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
        period_id uuid NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        reason text NOT NULL,
        decided_by uuid NOT NULL REFERENCES users(id),
        decided_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (indicator_id, period_id)
      )`);

    // ---------- values and evidence ----------
    await q.query(`
      CREATE TABLE evidence_blobs (
        sha256 char(64) PRIMARY KEY,
        size bigint NOT NULL,
        media_type text NOT NULL,
        storage_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreements(id),
        tranche_id uuid NOT NULL REFERENCES tranches(id),
        criterion_id uuid REFERENCES criteria(id),
        indicator_id uuid REFERENCES indicators(id),
        version integer NOT NULL,
        file_name text NOT NULL,
        media_type text NOT NULL,
        size bigint NOT NULL,
        sha256 char(64) NOT NULL REFERENCES evidence_blobs(sha256),
        uploaded_by uuid NOT NULL REFERENCES users(id),
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CHECK (criterion_id IS NOT NULL OR indicator_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX evidence_tranche_idx ON evidence(tranche_id)`);
    await q.query(`
      CREATE TABLE measurements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tranche_id uuid NOT NULL REFERENCES tranches(id),
        criterion_id uuid REFERENCES criteria(id),
        indicator_id uuid REFERENCES indicators(id),
        ubigeo char(6) REFERENCES territories(ubigeo),
        value text NOT NULL,
        numerator numeric(20,6),
        denominator numeric(20,6),
        note text,
        evidence_ids uuid[] NOT NULL DEFAULT '{}',
        reported_by uuid NOT NULL REFERENCES users(id),
        reported_at timestamptz NOT NULL DEFAULT now(),
        superseded_at timestamptz,
        CHECK ((criterion_id IS NULL) <> (indicator_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX measurements_current_uq ON measurements
      (tranche_id, coalesce(criterion_id, indicator_id), coalesce(ubigeo, '')) WHERE superseded_at IS NULL`);
    await q.query(`
      CREATE TABLE accepted_values (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tranche_id uuid NOT NULL REFERENCES tranches(id),
        criterion_id uuid REFERENCES criteria(id),
        indicator_id uuid REFERENCES indicators(id),
        ubigeo char(6) REFERENCES territories(ubigeo),
        value text NOT NULL,
        source text,
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        superseded_at timestamptz,
        CHECK ((criterion_id IS NULL) <> (indicator_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX accepted_values_current_uq ON accepted_values
      (tranche_id, coalesce(criterion_id, indicator_id), coalesce(ubigeo, '')) WHERE superseded_at IS NULL`);
    await q.query(`
      CREATE TABLE submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tranche_id uuid NOT NULL REFERENCES tranches(id),
        ordinal integer NOT NULL,
        snapshot jsonb NOT NULL,
        submitted_by uuid NOT NULL REFERENCES users(id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tranche_id, ordinal)
      )`);

    // ---------- workflow ----------
    await q.query(`
      CREATE TABLE observations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tranche_id uuid NOT NULL REFERENCES tranches(id),
        criterion_id uuid REFERENCES criteria(id),
        indicator_id uuid REFERENCES indicators(id),
        text text NOT NULL,
        deadline date NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        answer text,
        answered_by uuid REFERENCES users(id),
        answered_at timestamptz
      )`);
    await q.query(`CREATE INDEX observations_tranche_idx ON observations(tranche_id)`);
    await q.query(`
      CREATE TABLE tranche_transitions (
        id bigserial PRIMARY KEY,
        tranche_id uuid NOT NULL REFERENCES tranches(id),
        from_status text,
        to_status text NOT NULL,
        actor_id uuid REFERENCES users(id),
        actor_label text NOT NULL,
        reason text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX tranche_transitions_tranche_idx ON tranche_transitions(tranche_id, id)`);
    await q.query(`
      CREATE TABLE transfers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tranche_id uuid NOT NULL UNIQUE REFERENCES tranches(id),
        requested_amount numeric(16,2) NOT NULL,
        requested_by uuid NOT NULL REFERENCES users(id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'REQUESTED' CHECK (status IN ('REQUESTED','EXECUTED')),
        instrument text,
        executed_on date,
        amount numeric(16,2),
        recorded_by uuid REFERENCES users(id),
        recorded_at timestamptz,
        CHECK (amount IS NULL OR amount <= requested_amount)
      )`);

    // ---------- events ----------
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        event_type text NOT NULL,
        subject_id uuid,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox(id) WHERE dispatched_at IS NULL`);
    await q.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL,
        events text[] NOT NULL,
        secret text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
        outbox_id bigint NOT NULL REFERENCES outbox(id),
        status text NOT NULL CHECK (status IN ('PENDING','DELIVERED','FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        last_status_code integer,
        last_error text,
        delivered_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (webhook_id, outbox_id)
      )`);

    // ---------- reports ----------
    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL CHECK (type IN ('FIXED_VERIFICATION','VARIABLE_VERIFICATION','PORTFOLIO')),
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED','RUNNING','DONE','FAILED')),
        progress integer NOT NULL DEFAULT 0,
        lang text NOT NULL DEFAULT 'es' CHECK (lang IN ('es','en')),
        tranche_id uuid REFERENCES tranches(id),
        agreement_id uuid REFERENCES agreements(id),
        filters jsonb,
        requested_by uuid REFERENCES users(id),
        file_key text,
        file_size bigint,
        error text,
        input_hash text,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);

    // ---------- operations ----------
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        status_code integer,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL DEFAULT now() + interval '24 hours',
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`
      CREATE TABLE job_runs (
        id bigserial PRIMARY KEY,
        job text NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        result jsonb
      )`);

    // ---------- audit: append-only, hash-chained per agreement ----------
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        chain text NOT NULL,
        seq integer NOT NULL,
        agreement_id uuid,
        subject_type text NOT NULL,
        subject_id text,
        action text NOT NULL,
        actor_id uuid,
        actor_label text NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        before jsonb,
        after jsonb,
        prev_hash char(64),
        hash char(64) NOT NULL,
        UNIQUE (chain, seq)
      )`);
    await q.query(`CREATE INDEX audit_subject_idx ON audit_log(subject_type, subject_id)`);
    await q.query(`CREATE INDEX audit_agreement_idx ON audit_log(agreement_id)`);
    await q.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'audit_log', 'job_runs', 'idempotency_keys', 'reports', 'webhook_deliveries', 'webhooks', 'outbox',
      'transfers', 'tranche_transitions', 'observations', 'submissions', 'accepted_values', 'measurements',
      'evidence', 'evidence_blobs', 'neutralisations', 'indicator_targets', 'indicators', 'criterion_levels',
      'criteria', 'subprocesses', 'processes', 'tranches', 'periods', 'agreement_analysts', 'agreement_scope',
      'agreement_versions', 'agreements', 'login_attempts', 'users', 'budget_products', 'budget_programs',
      'entities', 'funding_programs', 'donors', 'territories',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_log_refuse_change()`);
  }
}
