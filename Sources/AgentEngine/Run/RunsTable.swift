/// `runs.csv`: one row per run of an experiment, in run order: the
/// experiment's identity columns, then the run's id, status, reason, wall
/// time and outcomes (see `RunRecord`).
public enum RunsTable {
    public static func columns(identity: [ColumnSpec], outcomes: [Outcome]) -> [ColumnSpec] {
        identity + RunRecord.columns(outcomes: outcomes)
    }

    /// Writes the rows of `runs`, in that order (all of an experiment's, or
    /// a shard's); a run without a record is an error (the experiment is
    /// not complete).
    public static func write(
        _ records: [Int: RunRecord], runs: some Sequence<Int>, identityColumns: [ColumnSpec], identity: (Int) -> CSVRecord,
        outcomes: [Outcome], to path: String
    ) throws(OutputError) {
        let writer = try BufferedFileWriter(path: path)
        try writer.write(bytes: CSVRecord.header(columns(identity: identityColumns, outcomes: outcomes)).bytes)
        try writer.write(bytes: CSVRecord.lineEnd)
        for index in runs {
            guard let record = records[index] else { throw OutputError(path: path, reason: "run \(index) has no record") }
            var row = identity(index)
            record.appendFields(to: &row)
            try writer.write(bytes: row.bytes)
            try writer.write(bytes: CSVRecord.lineEnd)
        }
        try writer.close()
    }
}
