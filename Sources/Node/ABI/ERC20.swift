/// The standard ERC-20 interface (EIP-20) that every share token and the cash token
/// answer: wallets call these functions and read these events with no plug-in.
public enum ERC20 {
    /// `transfer(address to, uint256 value) returns (bool)`.
    public static let transfer = ABIFunction(name: "transfer", inputs: [.address, .uint256], outputs: [.bool])
    /// `approve(address spender, uint256 value) returns (bool)`.
    public static let approve = ABIFunction(name: "approve", inputs: [.address, .uint256], outputs: [.bool])
    /// `transferFrom(address from, address to, uint256 value) returns (bool)`.
    public static let transferFrom = ABIFunction(
        name: "transferFrom", inputs: [.address, .address, .uint256], outputs: [.bool])
    /// `balanceOf(address owner) returns (uint256)`.
    public static let balanceOf = ABIFunction(name: "balanceOf", inputs: [.address], outputs: [.uint256])
    /// `allowance(address owner, address spender) returns (uint256)`.
    public static let allowance = ABIFunction(name: "allowance", inputs: [.address, .address], outputs: [.uint256])
    /// `totalSupply() returns (uint256)`.
    public static let totalSupply = ABIFunction(name: "totalSupply", inputs: [], outputs: [.uint256])
    /// `decimals() returns (uint8)`.
    public static let decimals = ABIFunction(name: "decimals", inputs: [], outputs: [.uint(8)])
    /// `symbol() returns (string)`.
    public static let symbol = ABIFunction(name: "symbol", inputs: [], outputs: [.string])
    /// `name() returns (string)`.
    public static let name = ABIFunction(name: "name", inputs: [], outputs: [.string])

    /// `Transfer(address indexed from, address indexed to, uint256 value)`.
    public static let transferEvent = ABIEvent(name: "Transfer", parameters: [
        .init(.address, indexed: true), .init(.address, indexed: true), .init(.uint256),
    ])
    /// `Approval(address indexed owner, address indexed spender, uint256 value)`.
    public static let approvalEvent = ABIEvent(name: "Approval", parameters: [
        .init(.address, indexed: true), .init(.address, indexed: true), .init(.uint256),
    ])

    /// Every ERC-20 function.
    public static let functions: [ABIFunction] = [
        transfer, approve, transferFrom, balanceOf, allowance, totalSupply, decimals, symbol, name,
    ]

    /// Every ERC-20 event.
    public static let events: [ABIEvent] = [transferEvent, approvalEvent]

    private static let bySelector: [ABISelector: ABIFunction] =
        Dictionary(uniqueKeysWithValues: functions.map { ($0.selector, $0) })

    /// The ERC-20 function that calldata starting with `selector` calls, if any.
    public static func function(for selector: ABISelector) -> ABIFunction? { bySelector[selector] }
}
