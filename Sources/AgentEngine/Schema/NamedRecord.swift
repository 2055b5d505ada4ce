/// A category of a population (a sub-sector) with its share and numeric
/// traits, read from `{"name": {"share": s, "trait": x, ...}}`.
///
/// A bare number is the share alone: the record then takes the traits
/// `init(name:share:)` gives it, so a model can give well-known names
/// their documented traits and others neutral ones.
public protocol NamedRecord: Sendable, Equatable {
    var name: String { get set }
    var share: Double { get set }
    init(name: String, share: Double)
}

/// One numeric trait of a `NamedRecord`, declared once like a key.
public struct RecordField<Record: NamedRecord>: Sendable {
    public let name: String
    public let range: ClosedRange<Double>
    public let unit: String
    public let meaning: String
    public let keyPath: WritableKeyPath<Record, Double> & Sendable

    public init(_ name: String, _ keyPath: WritableKeyPath<Record, Double> & Sendable, _ range: ClosedRange<Double>,
                unit: String = "", _ meaning: String) {
        self.name = name
        self.keyPath = keyPath
        self.range = range
        self.unit = unit
        self.meaning = meaning
    }
}

extension ValueCheck {
    /// Reads a map of named records: names in document order, each a share
    /// in [0, 1] (or an object with `share` and any of `fields`), shares
    /// summing to 1 within 0.001. Problems with single entries are reported
    /// at `path.name` (or `path.name.field`) through `report`.
    public static func records<Record: NamedRecord>(
        _ value: JSONValue, entries: ClosedRange<Int>, fields: [RecordField<Record>], at path: String,
        report: (String, String) -> Void
    ) throws(ValueProblem) -> [Record] {
        guard case .object(let table) = value, !table.entries.isEmpty else {
            throw ValueProblem("expected a non-empty object of name: share or name: {\"share\": s, ...}, e.g. {\"a\": 0.6, \"b\": 0.4}, found \(value.kindDescription)")
        }
        var result: [Record] = []
        var valid = true
        let names = ["share"] + fields.map(\.name)
        for (name, entry) in table.entries {
            let at = keyPath(path, name)
            switch entry {
            case .number:
                do { result.append(Record(name: name, share: try number(entry, in: 0...1))) } catch {
                    report(at, error.message)
                    valid = false
                }
            case .object(let object):
                guard let shareValue = object["share"] else {
                    report(at, "missing \"share\"")
                    valid = false
                    continue
                }
                var record = Record(name: name, share: 0)
                do { record.share = try number(shareValue, in: 0...1) } catch {
                    report(keyPath(at, "share"), error.message)
                    valid = false
                }
                for (key, fieldValue) in object.entries where key != "share" {
                    guard let field = fields.first(where: { $0.name == key }) else {
                        let hint = closestMatch(to: key, in: names).map { "; did you mean \"\($0)\"?" } ?? ""
                        report(keyPath(at, key), "unknown field\(hint); allowed: \(names.joined(separator: ", "))")
                        valid = false
                        continue
                    }
                    do { record[keyPath: field.keyPath] = try number(fieldValue, in: field.range) } catch {
                        report(keyPath(at, key), error.message)
                        valid = false
                    }
                }
                result.append(record)
            default:
                report(at, "expected a share from 0 to 1 or an object {\"share\": s, ...}, found \(entry.kindDescription)")
                valid = false
            }
        }
        valid = checkNames(table.entries.map(\.key), at: path, report: report) && valid
        guard valid else { throw ValueProblem.reportedEntryByEntry }
        try checkDistribution(result.map(\.share), entries: entries)
        return result
    }
}

extension Parameter {
    /// A categorical distribution whose categories carry traits (`fields`).
    public static func records<Record: NamedRecord>(
        _ path: String, _ keyPath: WritableKeyPath<Root, [Record]> & Sendable, entries: ClosedRange<Int>,
        fields: [RecordField<Record>], unit: String = "share", _ meaning: String, _ evidence: Evidence
    ) -> Parameter {
        Parameter(
            path: path, field: keyPath, domain: .records(entries: entries, fields: fields.map(\.name)), unit: unit,
            meaning: meaning, evidence: evidence,
            fieldNotes: fields.map { field in
                "`\(field.name)` (\(documentNumber(field.range.lowerBound))–\(documentNumber(field.range.upperBound))"
                    + (field.unit.isEmpty ? "" : ", \(field.unit)") + "): \(field.meaning)"
            },
            assign: { value, root, report throws(ValueProblem) in
                root[keyPath: keyPath] = try ValueCheck.records(value, entries: entries, fields: fields, at: path, report: report)
            },
            encode: { root in
                .object(JSONObject(root[keyPath: keyPath].map { record in
                    var object: JSONObject = ["share": .double(record.share)]
                    for field in fields { object[field.name] = .double(record[keyPath: field.keyPath]) }
                    return (key: record.name, value: JSONValue.object(object))
                }))
            })
    }
}
