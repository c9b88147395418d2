package org.khareetaty.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.h2.api.TableEngine;
import org.h2.command.ddl.CreateTableData;
import org.h2.command.query.AllColumnsForPlan;
import org.h2.engine.SessionLocal;
import org.h2.index.Cursor;
import org.h2.index.Index;
import org.h2.index.IndexCondition;
import org.h2.index.IndexType;
import org.h2.index.SingleRowCursor;
import org.h2.result.DefaultRow;
import org.h2.result.Row;
import org.h2.result.SearchRow;
import org.h2.result.SortOrder;
import org.h2.table.Column;
import org.h2.table.IndexColumn;
import org.h2.table.Table;
import org.h2.table.TableBase;
import org.h2.table.TableFilter;
import org.h2.table.TableType;
import org.h2.util.DateTimeUtils;
import org.h2.value.Value;
import org.h2.value.ValueBigint;
import org.h2.value.ValueDate;
import org.h2.value.ValueDouble;
import org.h2.value.ValueGeometry;
import org.h2.value.ValueNull;
import org.h2.value.ValueTimestampTimeZone;
import org.h2.value.ValueTinyint;
import org.h2.value.ValueUuid;
import org.h2.value.ValueVarchar;

/**
 * The H2 table engine behind {@code incident} and {@code incident_area} (ADR 0013). Rows come from three
 * ordinary H2 tables read in the querying session, so every query sees exactly what its transaction may see:
 * the columnar blocks an import wrote ({@code incident_block} metadata + {@code incident_block_data} payloads),
 * minus the block rows deleted since ({@code incident_gone}, {@code incident_area_gone}), plus rows written one
 * at a time by SQL ({@code incident_row}, {@code incident_area_row}: sync pulls, edits, tests). An UPDATE of a
 * block row is a delete plus an insert, so the new version lives in the row table. Indexes are computed, not
 * stored: by id (the block id is the row id with its low 16 bits cleared), by local date and batch (block
 * metadata skips whole blocks) and by area. Decoded blocks are kept in a small LRU cache.
 */
public final class IncidentTableEngine implements TableEngine {

    static final String BLOCK_TABLE = "INCIDENT_BLOCK";
    static final String BLOCK_DATA_TABLE = "INCIDENT_BLOCK_DATA";
    /** Row keys of block rows start here; keys of the row tables are H2's own (small) ones. */
    private static final long BLOCK_KEY_BASE = 1L << 52;
    private static final int CACHED_BLOCKS = 48;

    @Override
    public Table createTable(CreateTableData data) {
        return switch (data.tableName) {
            case "INCIDENT" -> new IncidentTable(data);
            case "INCIDENT_AREA" -> new AreaLinkTable(data);
            default -> throw new IllegalArgumentException("No block table named " + data.tableName);
        };
    }

    /** What the metadata row of one block says. */
    record BlockMeta(ValueUuid id, long firstRow, Value batchId, Value fileId, Value zone, Value createdAt, int rows,
            int areaLinks, long minDay, long maxDay, int version) {
    }

    /** Column positions in {@code incident_block}. */
    private static final int META_ID = 0;
    private static final int META_FIRST_ROW = 1;
    private static final int META_BATCH = 2;
    private static final int META_FILE = 3;
    private static final int META_ZONE = 4;
    private static final int META_CREATED = 5;
    private static final int META_ROWS = 6;
    private static final int META_LINKS = 7;
    private static final int META_MIN_DATE = 8;
    private static final int META_MAX_DATE = 9;
    private static final int META_VERSION = 14;

    /** The shared part of both tables: reading blocks in a session, the row table, tombstones, indexes. */
    abstract static class BlockTable extends TableBase {
        private final String rowTableName;
        private final String goneTableName;
        private final ArrayList<Index> indexes = new ArrayList<>();
        private final BlockIndex scan;
        private final Column rowIdColumn;
        private final Map<String, IncidentBlock> cache = Collections.synchronizedMap(
                new LinkedHashMap<>(64, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, IncidentBlock> eldest) {
                        return size() > CACHED_BLOCKS;
                    }
                });

        BlockTable(CreateTableData data, String rowTableName, String goneTableName) {
            super(data);
            this.rowTableName = rowTableName;
            this.goneTableName = goneTableName;
            this.rowIdColumn = new Column(Column.ROWID, org.h2.value.TypeInfo.TYPE_BIGINT, this, SearchRow.ROWID_INDEX);
            this.scan = new BlockIndex(this, data.id, getName() + "_SCAN", new IndexColumn[0], false);
            indexes.add(scan);
        }

        final void addIndex(String column) {
            indexes.add(new BlockIndex(this, getId(), getName() + "_" + column,
                    IndexColumn.wrap(new Column[] {getColumn(column)}), false));
        }

        Table part(SessionLocal session, String name) {
            Table table = getSchema().findTableOrView(session, name);
            if (table == null) {
                throw new IllegalStateException("The table " + name + " behind " + getName() + " is missing");
            }
            return table;
        }

        Table rowTable(SessionLocal session) {
            return part(session, rowTableName);
        }

        /** The visible blocks' metadata, in row-key (= write) order. */
        List<BlockMeta> blocks(SessionLocal session) {
            List<BlockMeta> blocks = new ArrayList<>();
            Cursor cursor = part(session, BLOCK_TABLE).getScanIndex(session).find(session, null, null, false);
            while (cursor.next()) {
                blocks.add(meta(cursor.get()));
            }
            blocks.sort((a, b) -> Long.compare(a.firstRow(), b.firstRow()));
            return blocks;
        }

        /** The visible block whose id is {@code id} with its row bits cleared, or null. */
        BlockMeta blockOf(SessionLocal session, Value rowId) {
            if (!(rowId instanceof ValueUuid uuid)) {
                return null;
            }
            Row found = findByPrimaryKey(session, part(session, BLOCK_TABLE),
                    ValueUuid.get(uuid.getHigh(), uuid.getLow() & ~0xffffL));
            return found == null ? null : meta(found);
        }

        private static BlockMeta meta(Row row) {
            return new BlockMeta((ValueUuid) row.getValue(META_ID), row.getValue(META_FIRST_ROW).getLong(),
                    row.getValue(META_BATCH), row.getValue(META_FILE), row.getValue(META_ZONE),
                    row.getValue(META_CREATED), row.getValue(META_ROWS).getInt(), row.getValue(META_LINKS).getInt(),
                    ((ValueDate) row.getValue(META_MIN_DATE)).getDateValue(),
                    ((ValueDate) row.getValue(META_MAX_DATE)).getDateValue(), row.getValue(META_VERSION).getInt());
        }

        static Row findByPrimaryKey(SessionLocal session, Table table, Value key) {
            Index primaryKey = table.findPrimaryKey();
            SearchRow search = table.getTemplateSimpleRow(false);
            search.setValue(primaryKey.getColumns()[0].getColumnId(), key);
            Cursor cursor = primaryKey.find(session, search, search, false);
            return cursor.next() ? cursor.get() : null;
        }

        IncidentBlock decoded(SessionLocal session, BlockMeta meta) {
            String key = meta.id().getString() + "/" + meta.version();
            IncidentBlock block = cache.get(key);
            if (block == null) {
                Row data = findByPrimaryKey(session, part(session, BLOCK_DATA_TABLE), meta.id());
                if (data == null) {
                    throw new IllegalStateException("Incident block " + meta.id().getString() + " has no data");
                }
                block = IncidentBlock.decode(data.getValue(1).getBytesNoCopy());
                cache.put(key, block);
            }
            return block;
        }

        /** Keys of the deleted block rows, or an empty set when nothing was deleted. */
        Set<Value> tombstones(SessionLocal session) {
            Table gone = part(session, goneTableName);
            Set<Value> keys = new HashSet<>();
            Cursor cursor = gone.getScanIndex(session).find(session, null, null, false);
            while (cursor.next()) {
                keys.add(tombstoneKey(cursor.get()));
            }
            return keys;
        }

        /** Dense keys: sync's bulk push walks a batch in ranges of row keys. */
        static long blockRowKey(BlockMeta meta, int row) {
            return BLOCK_KEY_BASE + meta.firstRow() + row;
        }

        /** The key a deleted row leaves in the tombstone table (the row of the gone table for that key). */
        abstract Value tombstoneKey(Row goneOrTableRow);

        abstract Row tombstoneRow(Row tableRow);

        /** The rows of a block that may satisfy {@code index} between first and last (null: no bound). */
        abstract Iterator<Row> blockRows(SessionLocal session, BlockMeta meta, int column, Value low, Value high);

        /** Whether some row key of the block lies in [lowKey, highKey]. */
        boolean blockKeysMayMatch(BlockMeta meta, long lowKey, long highKey) {
            return true;
        }

        /** Whether the block can hold a row with column value in [low, high] (cheap metadata test). */
        abstract boolean blockMayMatch(BlockMeta meta, int column, Value low, Value high);

        abstract long blockRowCount(BlockMeta meta);

        @Override
        public Column getRowIdColumn() {
            return rowIdColumn;
        }

        @Override
        public void close(SessionLocal session) {
            cache.clear();
        }

        /**
         * An index created by SQL (V90's {@code incident_batch_id} on a fresh database, where V13 ran first) is
         * accepted as a computed index on its leading column: blocks keep no per-row index structures.
         */
        @Override
        public Index addIndex(SessionLocal session, String indexName, int indexId, IndexColumn[] cols,
                int uniqueColumnCount, IndexType indexType, boolean create, String indexComment) {
            BlockIndex index = new BlockIndex(this, indexId, indexName, cols, true);
            indexes.add(index);
            return index;
        }

        @Override
        public void removeRow(SessionLocal session, Row row) {
            if (row.getKey() >= BLOCK_KEY_BASE) {
                Table gone = part(session, goneTableName);
                gone.addRow(session, tombstoneRow(row));
            } else {
                rowTable(session).removeRow(session, row);
            }
        }

        @Override
        public void addRow(SessionLocal session, Row row) {
            Table table = rowTable(session);
            Row stored = table.createRow(row.getValueList().clone(), SearchRow.MEMORY_CALCULATE);
            table.addRow(session, stored);
            row.setKey(stored.getKey());
        }

        @Override
        public long truncate(SessionLocal session) {
            throw new UnsupportedOperationException("TRUNCATE of " + getName() + " is not supported; delete by batch");
        }

        @Override
        public void checkSupportAlter() {
            throw new UnsupportedOperationException(getName() + " is served from incident blocks (ADR 0013): "
                    + "change its columns with a migration that recreates it");
        }

        @Override
        public TableType getTableType() {
            return TableType.EXTERNAL_TABLE_ENGINE;
        }

        @Override
        public Index getScanIndex(SessionLocal session) {
            return scan;
        }

        @Override
        public ArrayList<Index> getIndexes() {
            return indexes;
        }

        @Override
        public long getMaxDataModificationId() {
            return database.getModificationDataId();
        }

        @Override
        public boolean isDeterministic() {
            return true;
        }

        @Override
        public boolean canGetRowCount(SessionLocal session) {
            return true;
        }

        @Override
        public boolean canDrop() {
            return true;
        }

        @Override
        public long getRowCount(SessionLocal session) {
            long count = rowTable(session).getRowCount(session) - part(session, goneTableName).getRowCount(session);
            for (BlockMeta meta : blocks(session)) {
                count += blockRowCount(meta);
            }
            return count;
        }

        /**
         * For the planner, which asks for every index of every query: the row table's own estimate (an exact
         * count of a large MVStore table can walk the whole map, seconds for 1.5 M rows) plus the block rows.
         */
        @Override
        public long getRowCountApproximation(SessionLocal session) {
            long count = rowTable(session).getRowCountApproximation(session);
            for (BlockMeta meta : blocks(session)) {
                count += blockRowCount(meta);
            }
            return count;
        }
    }

    /** {@code incident}: one row per block row; column positions as in V1 + V10 (checked by V13). */
    static final class IncidentTable extends BlockTable {
        static final int ID = 0;
        static final int BATCH_ID = 2;
        static final int LOCAL_DATE = 7;
        private static final int COLUMNS = 21;

        IncidentTable(CreateTableData data) {
            super(data, "INCIDENT_ROW", "INCIDENT_GONE");
            addIndex("ID");
            addIndex("LOCAL_DATE");
            addIndex("BATCH_ID");
        }

        @Override
        Value tombstoneKey(Row row) {
            return row.getValue(0);
        }

        @Override
        Row tombstoneRow(Row tableRow) {
            return Row.get(new Value[] {tableRow.getValue(ID)}, SearchRow.MEMORY_CALCULATE);
        }

        @Override
        long blockRowCount(BlockMeta meta) {
            return meta.rows();
        }

        @Override
        boolean blockKeysMayMatch(BlockMeta meta, long lowKey, long highKey) {
            return blockRowKey(meta, meta.rows() - 1) >= lowKey && blockRowKey(meta, 0) <= highKey;
        }

        @Override
        boolean blockMayMatch(BlockMeta meta, int column, Value low, Value high) {
            return switch (column) {
                case ID -> low == null || meta.id().equals(blockIdOf(low));
                case LOCAL_DATE -> (low == null || meta.maxDay() >= ((ValueDate) low).getDateValue())
                        && (high == null || meta.minDay() <= ((ValueDate) high).getDateValue());
                case BATCH_ID -> low == null || low.equals(meta.batchId());
                default -> true;
            };
        }

        @Override
        Iterator<Row> blockRows(SessionLocal session, BlockMeta meta, int column, Value low, Value high) {
            IncidentBlock block = decoded(session, meta);
            if (column == ID && low != null && low.equals(high)) {
                int row = (int) (((ValueUuid) low).getLow() & 0xffffL);
                return row < block.size ? List.<Row>of(new IncidentRow(meta, block, row)).iterator()
                        : Collections.emptyIterator();
            }
            return new Iterator<>() {
                private int next = 0;

                @Override
                public boolean hasNext() {
                    return next < block.size;
                }

                @Override
                public Row next() {
                    return new IncidentRow(meta, block, next++);
                }
            };
        }

        private static Value blockIdOf(Value id) {
            return id instanceof ValueUuid uuid ? ValueUuid.get(uuid.getHigh(), uuid.getLow() & ~0xffffL) : null;
        }
    }

    /** One block row of {@code incident}; values are made when a query reads them. */
    static final class IncidentRow extends DefaultRow {
        private final BlockMeta meta;
        private final IncidentBlock block;
        private final int row;

        IncidentRow(BlockMeta meta, IncidentBlock block, int row) {
            super(new Value[IncidentTable.COLUMNS]);
            this.meta = meta;
            this.block = block;
            this.row = row;
            this.key = BlockTable.blockRowKey(meta, row);
        }

        @Override
        public Value getValue(int column) {
            if (column == SearchRow.ROWID_INDEX) {
                return ValueBigint.get(key);
            }
            Value value = data[column];
            if (value == null) {
                value = make(column);
                data[column] = value;
            }
            return value;
        }

        @Override
        public Value[] getValueList() {
            for (int c = 0; c < data.length; c++) {
                getValue(c);
            }
            return data;
        }

        @Override
        public int getMemory() {
            return 64 + data.length * 32;
        }

        private Value make(int column) {
            double lon = block.lon[row];
            boolean located = !Double.isNaN(lon);
            return switch (column) {
                case 0 -> ValueUuid.get(meta.id().getHigh(), meta.id().getLow() | row);
                case 1 -> ValueVarchar.get(block.sourceKey[row]);
                case 2 -> meta.batchId();
                case 3 -> ValueNull.INSTANCE;
                case 4 -> {
                    long second = block.epochSecond[row];
                    yield ValueTimestampTimeZone.fromDateValueAndNanos(
                            DateTimeUtils.dateValueFromAbsoluteDay(Math.floorDiv(second, 86_400L)),
                            Math.floorMod(second, 86_400L) * 1_000_000_000L, 0);
                }
                case 5 -> meta.zone();
                case 6 -> text(block.timeFlag[row]);
                case 7 -> ValueDate.fromDateValue(DateTimeUtils.dateValueFromAbsoluteDay(block.epochDay[row]));
                case 8 -> ValueTinyint.get(block.hour[row]);
                case 9 -> ValueTinyint.get(block.dow[row]);
                case 10 -> text(block.category[row]);
                case 11 -> text(block.categorySource[row]);
                case 12 -> text(block.address[row]);
                case 13 -> located ? ValueDouble.get(lon) : ValueNull.INSTANCE;
                case 14 -> located ? ValueDouble.get(block.lat[row]) : ValueNull.INSTANCE;
                case 15 -> located ? ValueGeometry.getFromEWKB(IncidentBlock.pointEwkb(lon, block.lat[row]))
                        : ValueNull.INSTANCE;
                case 16 -> meta.createdAt();
                case 17 -> ValueBigint.get(block.sourceHash[row]);
                case 18 -> meta.fileId();
                case 19 -> ValueBigint.get(block.line[row]);
                case 20 -> located ? ValueBigint.get(IncidentBlock.mortonCell(lon, block.lat[row])) : ValueNull.INSTANCE;
                default -> throw new IllegalArgumentException("No incident column " + column);
            };
        }

        private static Value text(String value) {
            return value == null ? ValueNull.INSTANCE : ValueVarchar.get(value);
        }
    }

    /** {@code incident_area (incident_id, kind, area_id)}: one row per block row and kind it has an area of. */
    static final class AreaLinkTable extends BlockTable {
        static final int INCIDENT_ID = 0;
        static final int KIND = 1;
        static final int AREA_ID = 2;

        AreaLinkTable(CreateTableData data) {
            super(data, "INCIDENT_AREA_ROW", "INCIDENT_AREA_GONE");
            addIndex("INCIDENT_ID");
            addIndex("AREA_ID");
        }

        @Override
        Value tombstoneKey(Row row) {
            return org.h2.value.ValueRow.get(new Value[] {row.getValue(INCIDENT_ID), row.getValue(KIND)});
        }

        @Override
        Row tombstoneRow(Row tableRow) {
            return Row.get(new Value[] {tableRow.getValue(INCIDENT_ID), tableRow.getValue(KIND)},
                    SearchRow.MEMORY_CALCULATE);
        }

        @Override
        long blockRowCount(BlockMeta meta) {
            return meta.areaLinks();
        }

        @Override
        boolean blockMayMatch(BlockMeta meta, int column, Value low, Value high) {
            if (column == INCIDENT_ID && low instanceof ValueUuid uuid) {
                return meta.id().equals(ValueUuid.get(uuid.getHigh(), uuid.getLow() & ~0xffffL));
            }
            return true;
        }

        @Override
        Iterator<Row> blockRows(SessionLocal session, BlockMeta meta, int column, Value low, Value high) {
            IncidentBlock block = decoded(session, meta);
            int from = 0;
            int to = block.size;
            if (column == INCIDENT_ID && low != null && low.equals(high)) {
                from = (int) (((ValueUuid) low).getLow() & 0xffffL);
                to = Math.min(block.size, from + 1);
            }
            // With an area bound, only the kinds whose area list holds it can match.
            boolean[] kindMayMatch = new boolean[block.areaKinds.length];
            for (int k = 0; k < kindMayMatch.length; k++) {
                kindMayMatch[k] = column != AREA_ID || low == null || !low.equals(high)
                        || java.util.Arrays.asList(block.areaIds[k]).contains(((ValueUuid) low).getUuid());
            }
            List<Row> rows = new ArrayList<>();
            for (int row = from; row < to; row++) {
                for (int k = 0; k < block.areaKinds.length; k++) {
                    int code = block.areaCodes[k][row];
                    if (code >= 0 && kindMayMatch[k]) {
                        UUID area = block.areaIds[k][code];
                        Row link = Row.get(new Value[] {ValueUuid.get(meta.id().getHigh(), meta.id().getLow() | row),
                                ValueVarchar.get(block.areaKinds[k]),
                                ValueUuid.get(area.getMostSignificantBits(), area.getLeastSignificantBits())},
                                SearchRow.MEMORY_CALCULATE, BLOCK_KEY_BASE + ((meta.firstRow() + row) << 4) + k);
                        rows.add(link);
                    }
                }
            }
            return rows.iterator();
        }
    }

    /**
     * A computed index over its leading column (none: the scan): prunes blocks by metadata, filters rows by the
     * bounds. Typed as a hash index so that H2 never relies on it for row order (ORDER BY or sorted GROUP BY):
     * rows come in block order, not in key order.
     */
    static final class BlockIndex extends Index {
        private final int column;
        private final boolean declared;

        BlockIndex(BlockTable table, int id, String name, IndexColumn[] columns, boolean declared) {
            super(table, id, name, columns, 0, columns.length == 0 ? IndexType.createScan(false)
                    : IndexType.createNonUnique(false, true, false));
            this.column = columns.length == 0 ? -1 : columns[0].column.getColumnId();
            this.declared = declared;
        }

        /** Built-in indexes have nothing to create, drop or script; SQL-declared ones are re-declared on open. */
        @Override
        public String getCreateSQL() {
            return declared ? super.getCreateSQL() : null;
        }

        @Override
        public void close(SessionLocal session) {
        }

        @Override
        public void add(SessionLocal session, Row row) {
        }

        @Override
        public void remove(SessionLocal session, Row row) {
        }

        @Override
        public void remove(SessionLocal session) {
        }

        @Override
        public void truncate(SessionLocal session) {
        }

        @Override
        public boolean needRebuild() {
            return false;
        }

        @Override
        public long getRowCount(SessionLocal session) {
            return table.getRowCount(session);
        }

        @Override
        public long getRowCountApproximation(SessionLocal session) {
            return table.getRowCountApproximation(session);
        }

        /**
         * H2 2.3's signature of {@link #getCost}: a database is exported by the old engine when its file format is
         * upgraded (ADR 0103), with this class loaded into it.
         */
        public double getCost(SessionLocal session, int[] masks, TableFilter[] filters, int filter, SortOrder sortOrder,
                AllColumnsForPlan allColumnsSet) {
            return getCost(session, masks, filters, filter, sortOrder, allColumnsSet, true);
        }

        @Override
        public double getCost(SessionLocal session, int[] masks, TableFilter[] filters, int filter, SortOrder sortOrder,
                AllColumnsForPlan allColumnsSet, boolean isSelectCommand) {
            double rows = Math.max(1000, table.getRowCountApproximation(session));
            if (column < 0 || masks == null) {
                return 10 * rows + 100;
            }
            int mask = masks[column];
            if ((mask & IndexCondition.EQUALITY) == IndexCondition.EQUALITY) {
                boolean byId = column == 0; // incident.id and incident_area.incident_id
                return byId ? 5 : 10 * rows / 20 + 50;
            }
            if ((mask & (IndexCondition.START | IndexCondition.END)) != 0) {
                return 10 * rows / 3 + 80;
            }
            return 10 * rows + 200;
        }

        @Override
        public Cursor find(SessionLocal session, SearchRow first, SearchRow last, boolean reverse) {
            BlockTable blockTable = (BlockTable) table;
            Value low = bound(first);
            Value high = bound(last);
            // H2 hands _ROWID_ conditions to any index as the bounds' keys (0: none): sync's bulk push reads a
            // batch in row-key ranges, so blocks and row-table rows outside the range are skipped.
            long lowKey = first == null ? 0 : Math.max(0, first.getKey());
            long highKey = last == null || last.getKey() <= 0 ? Long.MAX_VALUE : last.getKey();
            List<BlockMeta> blocks;
            Set<Value> tombstones;
            if (column == 0 && low != null && low.equals(high)) {
                BlockMeta meta = blockTable.blockOf(session, low);
                blocks = meta == null ? List.of() : List.of(meta);
                tombstones = null; // checked per row: a look-up must not scan all deletions
            } else {
                blocks = new ArrayList<>();
                for (BlockMeta meta : blockTable.blocks(session)) {
                    if (blockTable.blockMayMatch(meta, column, low, high)
                            && blockTable.blockKeysMayMatch(meta, lowKey, highKey)) {
                        blocks.add(meta);
                    }
                }
                tombstones = blocks.isEmpty() ? Set.of() : blockTable.tombstones(session);
            }
            Cursor rowTableCursor = lowKey > 0 || highKey < Long.MAX_VALUE
                    ? rowTableKeyRange(session, lowKey, highKey) : rowTableCursor(session, first, last);
            return new BlockCursor(session, blockTable, blocks, tombstones, rowTableCursor, column, low, high);
        }

        private Value bound(SearchRow row) {
            if (row == null || column < 0) {
                return null;
            }
            Value value = row.getValue(column);
            return value == null || value == ValueNull.INSTANCE ? null : value;
        }

        /** The row table's own index on the same column when it has one, else its scan. */
        private Cursor rowTableCursor(SessionLocal session, SearchRow first, SearchRow last) {
            Table rows = ((BlockTable) table).rowTable(session);
            Index index = rowTableIndex(rows);
            return index != null ? index.find(session, narrow(rows, first), narrow(rows, last), false)
                    : rows.getScanIndex(session).find(session, null, null, false);
        }

        /** The row table's index that starts with this index's column, or null. */
        private Index rowTableIndex(Table rows) {
            if (column < 0) {
                return null;
            }
            for (Index index : rows.getIndexes()) {
                IndexColumn[] columns = index.getIndexColumns();
                if (columns != null && columns.length > 0 && !index.getIndexType().isScan()
                        && columns[0].column.getColumnId() == column) {
                    return index;
                }
            }
            return null;
        }

        private Cursor rowTableKeyRange(SessionLocal session, long lowKey, long highKey) {
            Table rows = ((BlockTable) table).rowTable(session);
            SearchRow from = rows.getTemplateSimpleRow(false);
            from.setKey(lowKey);
            SearchRow to = rows.getTemplateSimpleRow(false);
            to.setKey(highKey);
            return rows.getScanIndex(session).find(session, from, to, false);
        }

        private SearchRow narrow(Table rows, SearchRow bound) {
            Value value = bound(bound);
            if (value == null) {
                return null;
            }
            SearchRow search = rows.getTemplateSimpleRow(false);
            search.setValue(column, value);
            return search;
        }

        /**
         * MIN and MAX of {@code incident.local_date} (reports, the charts' date range) come from the blocks' day
         * ranges: only the block holding the earliest (latest) day is read, not 1.5 million rows.
         */
        @Override
        public boolean canGetFirstOrLast() {
            return table instanceof IncidentTable && column == IncidentTable.LOCAL_DATE;
        }

        @Override
        public Cursor findFirstOrLast(SessionLocal session, boolean first) {
            BlockTable blockTable = (BlockTable) table;
            List<BlockMeta> blocks = new ArrayList<>(blockTable.blocks(session));
            blocks.sort(first ? Comparator.comparingLong(BlockMeta::minDay)
                    : Comparator.comparingLong(BlockMeta::maxDay).reversed());
            Set<Value> tombstones = blocks.isEmpty() ? Set.of() : blockTable.tombstones(session);
            Row best = rowTableFirstOrLast(session, first);
            for (BlockMeta meta : blocks) {
                if (best != null) {
                    long bestDay = ((ValueDate) best.getValue(column)).getDateValue();
                    if (first ? meta.minDay() >= bestDay : meta.maxDay() <= bestDay) {
                        break; // blocks are sorted by their edge day: none later in the list can do better
                    }
                }
                Cursor rows = new BlockCursor(session, blockTable, List.of(meta), tombstones, SingleRowCursor.EMPTY,
                        column, null, null);
                while (rows.next()) {
                    best = better(session, best, rows.get(), first);
                }
            }
            return new SingleRowCursor(best);
        }

        private Row rowTableFirstOrLast(SessionLocal session, boolean first) {
            Table rows = ((BlockTable) table).rowTable(session);
            Index index = rowTableIndex(rows);
            if (index != null && index.canGetFirstOrLast()) {
                Cursor cursor = index.findFirstOrLast(session, first);
                return cursor.next() ? cursor.get() : null;
            }
            Row best = null;
            Cursor cursor = rows.getScanIndex(session).find(session, null, null, false);
            while (cursor.next()) {
                best = better(session, best, cursor.get(), first);
            }
            return best;
        }

        private Row better(SessionLocal session, Row best, Row candidate, boolean first) {
            Value value = candidate.getValue(column);
            if (value == ValueNull.INSTANCE) {
                return best;
            }
            if (best == null) {
                return candidate;
            }
            int order = session.compareWithNull(value, best.getValue(column), false);
            return (first ? order < 0 : order > 0) ? candidate : best;
        }
    }

    /** Block rows (skipping tombstones and rows outside the bounds), then the row table's rows. */
    static final class BlockCursor implements Cursor {
        private final SessionLocal session;
        private final BlockTable table;
        private final Iterator<BlockMeta> blocks;
        private final Set<Value> tombstones;
        private final Cursor rowTableCursor;
        private final int column;
        private final Value low;
        private final Value high;
        private Iterator<Row> rows = Collections.emptyIterator();
        private boolean inRowTable;
        private Row current;

        BlockCursor(SessionLocal session, BlockTable table, List<BlockMeta> blocks, Set<Value> tombstones,
                Cursor rowTableCursor, int column, Value low, Value high) {
            this.session = session;
            this.table = table;
            this.blocks = blocks.iterator();
            this.tombstones = tombstones;
            this.rowTableCursor = rowTableCursor;
            this.column = column;
            this.low = low;
            this.high = high;
        }

        @Override
        public Row get() {
            return current;
        }

        @Override
        public SearchRow getSearchRow() {
            return current;
        }

        @Override
        public boolean next() {
            while (!inRowTable) {
                while (rows.hasNext()) {
                    Row row = rows.next();
                    if (inBounds(row) && !deleted(row)) {
                        current = row;
                        return true;
                    }
                }
                if (blocks.hasNext()) {
                    BlockMeta meta = blocks.next();
                    rows = table.blockRows(session, meta, column, low, high);
                } else {
                    inRowTable = true;
                }
            }
            while (rowTableCursor.next()) {
                Row row = rowTableCursor.get();
                if (inBounds(row)) {
                    current = row;
                    return true;
                }
            }
            current = null;
            return false;
        }

        private boolean inBounds(Row row) {
            if (column < 0) {
                return true;
            }
            Value value = row.getValue(column);
            return (low == null || session.compareWithNull(value, low, false) >= 0)
                    && (high == null || session.compareWithNull(value, high, false) <= 0);
        }

        private boolean deleted(Row row) {
            Value key = table.tombstoneKey(row);
            if (tombstones != null) {
                return !tombstones.isEmpty() && tombstones.contains(key);
            }
            Table gone = table.part(session, table.goneTableName);
            return gone.getRowCount(session) > 0 && isTombstoned(gone, row);
        }

        private boolean isTombstoned(Table gone, Row row) {
            Row tombstone = table.tombstoneRow(row);
            Index primaryKey = gone.findPrimaryKey();
            SearchRow search = gone.getTemplateSimpleRow(false);
            for (int c = 0; c < tombstone.getColumnCount(); c++) {
                search.setValue(c, tombstone.getValue(c));
            }
            Cursor cursor = primaryKey.find(session, search, search, false);
            return cursor.next();
        }

        @Override
        public boolean previous() {
            throw new UnsupportedOperationException();
        }
    }
}
