// CreateOrder -- behind POST /orders as a non-proxy (`aws`) Lambda integration.
//
// The event is not API Gateway's proxy event: it is whatever the request template rendered, e.g.
//   {"order": {"customer": "Ada", "shipping": "express", "lines": [{"sku": "BOOK-1", "quantity": 2, "unitPrice": 12.5}]},
//    "currency": "EUR", "requestId": "...", "stage": "dev"}
// The request validator has already checked the body against the Order model, so the lines are well formed.
// The result is plain JSON (no statusCode/headers/body envelope): the integration response's template shapes
// it for the client. A thrown error becomes {"errorType", "errorMessage", "trace"}, and its errorMessage
// selects the integration response (".*Out of stock.*" -> 409, "Invalid order: .*" -> 400).

const SOLD_OUT = ['SOLD-OUT'];
const SHIPPING_CENTS = { standard: 0, express: 990 };

function orderId(requestId) {
  // A real API would take the id from its database; here the request id makes it unique.
  return 'ORD-' + String(requestId).replace(/-/g, '').slice(0, 8).toUpperCase();
}

exports.create = async (event) => {
  const { order, currency, requestId, stage } = event;
  if (order.lines.length === 0) {
    // A rule the Order model leaves to the function: its message selects the 400 integration response.
    throw new Error('Invalid order: no items');
  }
  for (const line of order.lines) {
    if (SOLD_OUT.includes(line.sku)) {
      throw new Error(`Out of stock: ${line.sku}`);
    }
  }
  // Money in cents, so 3 x 19.99 is 59.97 and not 59.970000000000006.
  const itemCents = order.lines.reduce((sum, line) => sum + line.quantity * Math.round(line.unitPrice * 100), 0);
  const totalCents = itemCents + SHIPPING_CENTS[order.shipping];
  const itemCount = order.lines.reduce((sum, line) => sum + line.quantity, 0);
  const id = orderId(requestId);
  console.log('order %s in stage %s: %d items, %d cents %s', id, stage, itemCount, totalCents, currency);
  return {
    orderId: id,
    customer: order.customer,
    shipping: order.shipping,
    itemCount,
    total: totalCents / 100,
    currency,
  };
};
