#!/usr/bin/env python3
"""Trading and dividends from a wallet with web3.py and eth_account.

Places a limit order on the exchange system contract, reads the book and the wallet's
open orders through the node's market data methods, and reads its dividend
entitlements. docs/wallet-guide.md quotes it; the end-to-end test WalletSessionTests
runs it against a real `equity-node dev`.

    python3 scripts/wallet-trade.py                          # a node on http://127.0.0.1:8545

Prints one `name: value` line per step, and exits non-zero if the order fails.
Needs web3 (v7 or later) and eth-account: `scripts/bootstrap --python` installs them.
"""
import argparse
import json
import sys

from eth_account import Account
from web3 import Web3

# Dev account 1 of the public test mnemonic (anvil's and hardhat's): never use it where value is held.
DEV_KEY_1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--rpc", default="http://127.0.0.1:8545", help="the node's JSON-RPC URL")
parser.add_argument("--key", default=DEV_KEY_1, help="the trader's private key (hex)")
parser.add_argument("--timeout", type=float, default=30, help="seconds to wait for the receipt")
args = parser.parse_args()

w3 = Web3(Web3.HTTPProvider(args.rpc))
chain_id = w3.eth.chain_id
account = Account.from_key(args.key)

EXCHANGE = "0x0000000000000000000000000000000000001002"
DIVIDENDS = "0x0000000000000000000000000000000000001003"
EXCHANGE_ABI = [{"type": "function", "name": "placeOrder", "stateMutability": "nonpayable",
  "inputs": [{"name": n, "type": t} for n, t in [("market", "uint32"), ("side", "uint8"),
     ("price", "uint64"), ("quantity", "uint256"), ("timeInForce", "uint8"), ("expiry", "uint64"),
     ("displayQuantity", "uint256"), ("flags", "uint8"), ("clientOrderId", "uint64")]],
  "outputs": [{"name": "orderId", "type": "uint64"}]}]
DIVIDENDS_ABI = [{"type": "function", "name": "claimDividend", "stateMutability": "nonpayable",
  "inputs": [{"name": "id", "type": "uint64"}], "outputs": [{"name": "net", "type": "uint256"}]}]

exchange = w3.eth.contract(address=EXCHANGE, abi=EXCHANGE_ABI)
# Buy 1.5 AAPL at 190.01 USD, good till cancelled, on the devnet's AAPL-24X7 market (id 2).
tx = exchange.functions.placeOrder(2, 0, 190_010_000, 1_500_000_000_000_000_000, 0, 0, 0, 0, 42).build_transaction({
    "from": account.address, "nonce": w3.eth.get_transaction_count(account.address, "pending"), "chainId": chain_id})
receipt = w3.eth.wait_for_transaction_receipt(w3.eth.send_raw_transaction(account.sign_transaction(tx).raw_transaction),
                                              timeout=args.timeout, poll_latency=0.1)
print(f"status: {receipt['status']}")

# The book and your orders, from the node's market data methods.
book = w3.provider.make_request("equity_getOrderBook", [2, 5])
mine = w3.provider.make_request("equity_getOpenOrders", [account.address])
print(f"bids: {json.dumps(book['result']['bids'])}")
print(f"open_orders: {json.dumps([(o['clientOrderId'], o['side'], o['price'], o['remaining']) for o in mine['result']])}")

# Dividends: what you are owed (from the record point on), then claim after the pay time.
owed = w3.provider.make_request("equity_getEntitlements", [account.address])
dividends = w3.eth.contract(address=DIVIDENDS, abi=DIVIDENDS_ABI)
print(f"entitlements: {len(owed['result']['entitlements'])}")
print(f"claim_selector: {dividends.functions.claimDividend(1)._encode_transaction_data()[:10]}")
sys.exit(0 if receipt["status"] == 1 else 1)
