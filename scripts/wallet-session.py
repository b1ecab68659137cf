#!/usr/bin/env python3
"""A wallet session against an EquityChain node with web3.py and eth_account.

Connects, reads a share token's balance through the standard ERC-20 ABI, builds,
signs (locally, with eth_account) and sends an ERC-20 transfer, waits for the
receipt, and reads the balances again. docs/wallet-guide.md walks through it; the
end-to-end test WalletSessionTests runs it against a real `equity-node dev`.

    python3 scripts/wallet-session.py                       # a node on http://127.0.0.1:8545
    python3 scripts/wallet-session.py --rpc http://127.0.0.1:9000 --token 0x4d53... --amount 2.5

Prints one `name: value` line per step, and exits non-zero if the transfer fails.
Needs web3 (v7 or later) and eth-account: `scripts/bootstrap --python` installs them.
"""
import argparse
import sys
from decimal import Decimal

from eth_account import Account
from web3 import Web3

# The ERC-20 functions the session uses (the full interface is in docs/abi.md).
ERC20_ABI = [
    {"type": "function", "name": "balanceOf", "stateMutability": "view",
     "inputs": [{"name": "owner", "type": "address"}], "outputs": [{"name": "", "type": "uint256"}]},
    {"type": "function", "name": "decimals", "stateMutability": "view",
     "inputs": [], "outputs": [{"name": "", "type": "uint8"}]},
    {"type": "function", "name": "symbol", "stateMutability": "view",
     "inputs": [], "outputs": [{"name": "", "type": "string"}]},
    {"type": "function", "name": "transfer", "stateMutability": "nonpayable",
     "inputs": [{"name": "to", "type": "address"}, {"name": "amount", "type": "uint256"}],
     "outputs": [{"name": "", "type": "bool"}]},
    {"type": "event", "name": "Transfer", "anonymous": False,
     "inputs": [{"name": "from", "type": "address", "indexed": True},
                {"name": "to", "type": "address", "indexed": True},
                {"name": "value", "type": "uint256", "indexed": False}]},
]

# Dev account 0 of the public test mnemonic (anvil's and hardhat's): never use it where value is held.
DEV_KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
DEV_ACCOUNT_1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
AAPL = "0x4141504C00000000000000000000000000000000"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rpc", default="http://127.0.0.1:8545", help="the node's JSON-RPC URL")
    parser.add_argument("--key", default=DEV_KEY_0, help="the sender's private key (default: dev account 0)")
    parser.add_argument("--token", default=AAPL, help="the share token's address (default: AAPL)")
    parser.add_argument("--to", default=DEV_ACCOUNT_1, help="the recipient (default: dev account 1)")
    parser.add_argument("--amount", default="1", help="whole tokens to send, a decimal (default: 1)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds to wait for the receipt")
    args = parser.parse_args()

    # 1. Connect and check that this is the chain we mean to sign for.
    w3 = Web3(Web3.HTTPProvider(args.rpc, request_kwargs={"timeout": 30}))
    if not w3.is_connected():
        print(f"error: no JSON-RPC node answers at {args.rpc}", file=sys.stderr)
        return 2
    chain_id = w3.eth.chain_id
    print(f"chain_id: {chain_id}")
    print(f"block: {w3.eth.block_number}")

    # 2. The sender's account: eth_account holds the key; the node never sees it.
    account = Account.from_key(args.key)
    recipient = Web3.to_checksum_address(args.to)
    print(f"sender: {account.address}")
    print(f"recipient: {recipient}")

    # 3. The share token is an ordinary ERC-20 to web3.py.
    token = w3.eth.contract(address=Web3.to_checksum_address(args.token), abi=ERC20_ABI)
    symbol = token.functions.symbol().call()
    decimals = token.functions.decimals().call()
    print(f"token: {symbol} ({decimals} decimals) at {token.address}")

    def balance(owner: str) -> int:
        return token.functions.balanceOf(owner).call()

    def whole(raw: int) -> str:
        return format(Decimal(raw).scaleb(-decimals).normalize(), "f")

    sender_before, recipient_before = balance(account.address), balance(recipient)
    print(f"sender_balance_before: {whole(sender_before)}")
    print(f"recipient_balance_before: {whole(recipient_before)}")

    # 4. Build the transfer: web3.py fills in gas (eth_estimateGas, exact here) and the
    #    EIP-1559 fees (0: the chain has no native currency); sign it locally.
    amount = int(Decimal(args.amount).scaleb(decimals))
    tx = token.functions.transfer(recipient, amount).build_transaction({
        "from": account.address,
        "nonce": w3.eth.get_transaction_count(account.address, "pending"),
        "chainId": chain_id,
    })
    print(f"gas: {tx['gas']}")
    print(f"max_fee_per_gas: {tx['maxFeePerGas']}")
    signed = account.sign_transaction(tx)

    # 5. Send the raw transaction and wait until its block is committed.
    tx_hash = w3.eth.send_raw_transaction(signed.raw_transaction)
    print(f"tx_hash: {tx_hash.to_0x_hex()}")
    receipt = w3.eth.wait_for_transaction_receipt(tx_hash, timeout=args.timeout, poll_latency=0.1)
    print(f"status: {receipt['status']}")
    print(f"block_number: {receipt['blockNumber']}")
    print(f"gas_used: {receipt['gasUsed']}")

    # 6. The Transfer event, decoded with the ABI, and the balances after.
    for event in token.events.Transfer().process_receipt(receipt):
        print(f"transfer_event: {event['args']['from']} -> {event['args']['to']} {whole(event['args']['value'])}")
    print(f"sender_balance_after: {whole(balance(account.address))}")
    print(f"recipient_balance_after: {whole(balance(recipient))}")
    return 0 if receipt["status"] == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
