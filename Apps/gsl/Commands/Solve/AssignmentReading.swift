import Foundation
import GSLCore
import GSLOptimise
import GSLTabular

/// Reads an assignment instance from JSON (fast matrix scan first; the full decoder when that
/// declines, so errors carry a JSON path), CSV or `.npy`, by the file's extension.
struct AssignmentReading {
    /// The file and its error mapping.
    let reader: InstanceReader

    /// The instance. A JSON file may hold the instance object or a bare matrix, whichever option
    /// named it; CSV and `.npy` hold a bare matrix.
    func instance() throws(GSLError) -> AssignmentInstance {
        let data = try reader.data()
        let bytes = [UInt8](data)
        let suffix = (reader.path as NSString).pathExtension.lowercased()
        switch suffix {
        case "csv":
            return try make(NumberMatrixReader.csv(bytes, path: reader.path, missing: .infinity))
        case "npy":
            return try make(NumberMatrixReader.npy(bytes, path: reader.path, missing: .infinity))
        default:
            if let matrix = NumberMatrixReader.json(bytes, missing: .infinity) {
                return try make(matrix)
            }
            if let (matrix, rest) = NumberMatrixReader.json(bytes, member: "costs", missing: .infinity),
                let header = try? InstanceDecoder.decode(AssignmentInstance.Header.self, from: Data(rest))
            {
                return try make(matrix, header: header)
            }
            return try reader.decode(AssignmentInstance.self, from: data)
        }
    }

    private func make(_ matrix: NumberMatrix, header: AssignmentInstance.Header = .init()) throws(GSLError)
        -> AssignmentInstance
    {
        do {
            let costs = try CostMatrix(rows: matrix.rows, columns: matrix.columns, values: matrix.values)
            return try AssignmentInstance(costs: costs, header: header)
        } catch let error as InstanceError {
            throw reader.error(error)
        } catch let error as OptimiseError {
            throw reader.error(error)
        } catch {
            throw reader.error(InstanceError(at: "$", .unreadable(detail: "\(error)")))
        }
    }
}
