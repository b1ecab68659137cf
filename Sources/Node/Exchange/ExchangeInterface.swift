/// The exchange system contract at `SystemAddress.exchange` (documented in
/// docs/abi.md and docs/markets.md).
///
/// Codes: side 0 buy, 1 sell; time in force 0 GTC, 1 DAY, 2 GTD (`expiry` in seconds),
/// 3 IOC, 4 FOK; flags bit 0 post-only, bits 1–2 self-trade prevention (0 cancel
/// newest, 1 cancel oldest, 2 cancel both, 3 decrement). Prices are cash units
/// (6 decimals) per share, quantities shares with 18 decimals. A zero `newPrice` or
/// `newQuantity` in `amendOrder` keeps the current value.
public enum ExchangeInterface {
    static let placeInputs: [ABIType] = [.uint(32), .uint(8), .uint(64), .uint256, .uint(8), .uint(64), .uint256, .uint(8), .uint(64)]
    static let amendInputs: [ABIType] = [.uint(32), .uint(64), .uint(64), .uint256, .uint(64)]

    /// `placeOrder(uint32 market, uint8 side, uint64 price, uint256 quantity, uint8 timeInForce, uint64 expiry,
    /// uint256 displayQuantity, uint8 flags, uint64 clientOrderId) returns (uint64 orderId)`.
    public static let placeOrder = ABIFunction(name: "placeOrder", inputs: placeInputs, outputs: [.uint(64)])
    /// `placeOrder(…, uint64 clientOrderId, uint64 multiplierEpoch)`: refused unless the
    /// market's books are at that multiplier epoch.
    public static let placeOrderAtEpoch = ABIFunction(name: "placeOrder", inputs: placeInputs + [.uint(64)], outputs: [.uint(64)])
    /// `cancelOrder(uint32 market, uint64 orderId, uint64 clientOrderId) returns (bool)`.
    public static let cancelOrder = ABIFunction(name: "cancelOrder", inputs: [.uint(32), .uint(64), .uint(64)], outputs: [.bool])
    /// `amendOrder(uint32 market, uint64 orderId, uint64 newPrice, uint256 newQuantity, uint64 clientOrderId) returns (bool)`.
    public static let amendOrder = ABIFunction(name: "amendOrder", inputs: amendInputs, outputs: [.bool])
    /// `amendOrder(…, uint64 clientOrderId, uint64 multiplierEpoch)`.
    public static let amendOrderAtEpoch = ABIFunction(name: "amendOrder", inputs: amendInputs + [.uint(64)], outputs: [.bool])
    /// `cancelAll(uint32 market, uint64 clientOrderId) returns (uint64 cancelled)`: the sender's orders in the market.
    public static let cancelAll = ABIFunction(name: "cancelAll", inputs: [.uint(32), .uint(64)], outputs: [.uint(64)])

    /// `listMarket(string symbol, address base, uint8 schedule, uint64 tick, uint256 lot, uint256 minQuantity,
    /// uint256 maxQuantity, uint16 makerFeeBps, uint16 takerFeeBps, address feeAccount, uint8 luldTier, uint64 collarBps,
    /// uint32 collarReference) returns (uint32 market)`: the issuer lists a market (schedule 0 XNYS, 1 24x7; luldTier,
    /// collarBps and collarReference 0 for none), priced in the cash token.
    public static let listMarket = ABIFunction(name: "listMarket", inputs: [
        .string, .address, .uint(8), .uint(64), .uint256, .uint256, .uint256, .uint(16), .uint(16), .address, .uint(8), .uint(64), .uint(32),
    ], outputs: [.uint(32)])
    /// `MarketListed(uint32 indexed market, string symbol, address base)`.
    public static let marketListedEvent = ABIEvent(name: "MarketListed", parameters: [
        .init(.uint(32), indexed: true), .init(.string), .init(.address),
    ])

    /// `getOrder(uint32 market, uint64 orderId) returns (address owner, uint8 side, uint64 price, uint256 remaining,
    /// uint256 locked, uint64 clientOrderId)`.
    public static let getOrder = ABIFunction(
        name: "getOrder", inputs: [.uint(32), .uint(64)], outputs: [.address, .uint(8), .uint(64), .uint256, .uint256, .uint(64)])
    /// `bestBidAsk(uint32 market) returns (uint64 bid, uint64 ask)`; 0 for an empty side.
    public static let bestBidAsk = ABIFunction(name: "bestBidAsk", inputs: [.uint(32)], outputs: [.uint(64), .uint(64)])
    /// `marketCount() returns (uint32)`.
    public static let marketCount = ABIFunction(name: "marketCount", inputs: [], outputs: [.uint(32)])
    /// `multiplierEpoch(uint32 market) returns (uint64)`.
    public static let multiplierEpoch = ABIFunction(name: "multiplierEpoch", inputs: [.uint(32)], outputs: [.uint(64)])

    /// `OrderAccepted(uint32 indexed market, uint64 indexed orderId, address indexed owner, uint64 clientOrderId,
    /// uint8 side, uint64 price, uint256 quantity)`.
    public static let orderAcceptedEvent = ABIEvent(name: "OrderAccepted", parameters: [
        .init(.uint(32), indexed: true), .init(.uint(64), indexed: true), .init(.address, indexed: true),
        .init(.uint(64)), .init(.uint(8)), .init(.uint(64)), .init(.uint256),
    ])
    /// `OrderRejected(uint32 indexed market, uint64 indexed orderId, address indexed owner, uint64 clientOrderId,
    /// uint8 reason, string message)`.
    public static let orderRejectedEvent = ABIEvent(name: "OrderRejected", parameters: [
        .init(.uint(32), indexed: true), .init(.uint(64), indexed: true), .init(.address, indexed: true),
        .init(.uint(64)), .init(.uint(8)), .init(.string),
    ])
    /// `Trade(uint32 indexed market, uint64 indexed makerOrderId, uint64 indexed takerOrderId, address maker,
    /// address taker, uint8 takerSide, uint64 price, uint256 quantity, uint256 cash, uint256 makerFee, uint256 takerFee)`.
    public static let tradeEvent = ABIEvent(name: "Trade", parameters: [
        .init(.uint(32), indexed: true), .init(.uint(64), indexed: true), .init(.uint(64), indexed: true),
        .init(.address), .init(.address), .init(.uint(8)), .init(.uint(64)), .init(.uint256), .init(.uint256),
        .init(.uint256), .init(.uint256),
    ])
    /// `OrderCancelled(uint32 indexed market, uint64 indexed orderId, address indexed owner, uint64 clientOrderId,
    /// uint256 quantity, uint256 remaining, uint8 reason)`.
    public static let orderCancelledEvent = ABIEvent(name: "OrderCancelled", parameters: [
        .init(.uint(32), indexed: true), .init(.uint(64), indexed: true), .init(.address, indexed: true),
        .init(.uint(64)), .init(.uint256), .init(.uint256), .init(.uint(8)),
    ])
    /// `OrderAmended(uint32 indexed market, uint64 indexed orderId, address indexed owner, uint64 clientOrderId,
    /// uint64 price, uint256 remaining)`.
    public static let orderAmendedEvent = ABIEvent(name: "OrderAmended", parameters: [
        .init(.uint(32), indexed: true), .init(.uint(64), indexed: true), .init(.address, indexed: true),
        .init(.uint(64)), .init(.uint(64)), .init(.uint256),
    ])
    /// `Auction(uint32 indexed market, uint8 kind, uint64 price, uint256 quantity)`; kind 0 opening, 1 closing, 2 reopening.
    public static let auctionEvent = ABIEvent(name: "Auction", parameters: [
        .init(.uint(32), indexed: true), .init(.uint(8)), .init(.uint(64)), .init(.uint256),
    ])

    /// Every event the exchange emits.
    public static let events: [ABIEvent] = [
        marketListedEvent, orderAcceptedEvent, orderRejectedEvent, tradeEvent, orderCancelledEvent, orderAmendedEvent, auctionEvent,
    ]
}
