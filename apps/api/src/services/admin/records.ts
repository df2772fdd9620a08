import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { adminRecords } from '../../db/schema/index.js';
import { newId } from '../../ids.js';

/** Documents of one kind kept in `admin_records`, the contract's shape as data. */
export class RecordStore<T extends object> {
  constructor(
    private readonly app: FastifyInstance,
    readonly kind: string,
  ) {}

  async all(): Promise<(T & { id: string })[]> {
    const rows = await this.app.db.select().from(adminRecords).where(eq(adminRecords.kind, this.kind));
    return rows.map((r) => ({ ...(r.data as T), id: r.id }));
  }

  async get(id: string): Promise<(T & { id: string }) | null> {
    const [row] = await this.app.db
      .select()
      .from(adminRecords)
      .where(and(eq(adminRecords.kind, this.kind), eq(adminRecords.id, id)));
    return row ? { ...(row.data as T), id: row.id } : null;
  }

  async byKey(key: string): Promise<(T & { id: string }) | null> {
    const [row] = await this.app.db
      .select()
      .from(adminRecords)
      .where(and(eq(adminRecords.kind, this.kind), eq(adminRecords.key, key)));
    return row ? { ...(row.data as T), id: row.id } : null;
  }

  async insert(prefix: string, data: T, key: string | null = null): Promise<T & { id: string }> {
    const id = newId(prefix);
    const now = new Date();
    await this.app.db.insert(adminRecords).values({ id, kind: this.kind, key, data, createdAt: now, updatedAt: now });
    return { ...data, id };
  }

  async update(id: string, data: T): Promise<void> {
    await this.app.db
      .update(adminRecords)
      .set({ data, updatedAt: new Date() })
      .where(and(eq(adminRecords.kind, this.kind), eq(adminRecords.id, id)));
  }

  async remove(id: string): Promise<void> {
    await this.app.db.delete(adminRecords).where(and(eq(adminRecords.kind, this.kind), eq(adminRecords.id, id)));
  }
}
